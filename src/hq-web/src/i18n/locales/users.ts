import { defineMessages } from '@renderer/i18n/messages'

const en = {
  hq: {
    users: {
      title: 'Users',
      subtitle:
        'Who may sign in to the head office: owners do everything, managers run their stores, auditors read.',
      add: 'New user',
      addTitle: 'Add a user',
      name: 'Name',
      password: 'Password',
      passwordHint: 'At least 10 characters. Give it to the person in private.',
      role: 'Role',
      stores: 'Stores they manage',
      save: 'Add user',
      columns: { name: 'Name', role: 'Role', stores: 'Stores', since: 'Since', actions: 'Actions' },
      allStores: 'All stores',
      locked: 'Locked out',
      deactivated: 'Deactivated',
      editButton: 'Edit',
      editOne: 'Edit {{name}}',
      edit: {
        title: 'Edit user {{name}}',
        roleSection: 'Role and stores',
        save: 'Save role and stores',
        saved: 'Role and stores saved.',
        passwordSection: 'Password and lock-out',
        newPassword: 'New password',
        newPasswordHint: 'At least 10 characters. Also lifts a lock-out; the user is signed out everywhere.',
        setPassword: 'Set new password',
        passwordSet: 'New password set; the user was signed out everywhere.',
        unlock: 'Unlock',
        unlocked: 'Unlocked: the user may sign in again.',
        statusSection: 'Access',
        deactivate: 'Deactivate user…',
        deactivateHint:
          'A deactivated user cannot sign in and is signed out everywhere; they stay in the list and the audit trail, and can be reactivated.',
        confirmDeactivate: 'Really deactivate {{name}}',
        deactivatedOn: 'Deactivated on {{time}}: cannot sign in.',
        reactivate: 'Reactivate',
        reactivated: 'Reactivated: the user may sign in again with their password.'
      }
    }
  }
}

export const usersMessages = defineMessages(en, {
  hq: {
    users: {
      title: '用户',
      subtitle: '可以登录总部的人：店主可做所有操作，店长管理自己的门店，审计员只读。',
      add: '新建用户',
      addTitle: '添加用户',
      name: '用户名',
      password: '密码',
      passwordHint: '至少 10 个字符。请私下告诉对方。',
      role: '角色',
      stores: '负责的门店',
      save: '添加用户',
      columns: { name: '用户名', role: '角色', stores: '门店', since: '创建于', actions: '操作' },
      allStores: '全部门店',
      locked: '已锁定',
      deactivated: '已停用',
      editButton: '编辑',
      editOne: '编辑 {{name}}',
      edit: {
        title: '编辑用户 {{name}}',
        roleSection: '角色与门店',
        save: '保存角色与门店',
        saved: '角色与门店已保存。',
        passwordSection: '密码与锁定',
        newPassword: '新密码',
        newPasswordHint: '至少 10 个字符。同时解除锁定；该用户在所有地方都会被退出登录。',
        setPassword: '设置新密码',
        passwordSet: '新密码已设置；该用户已在所有地方退出登录。',
        unlock: '解除锁定',
        unlocked: '已解除锁定，该用户可以重新登录。',
        statusSection: '账号状态',
        deactivate: '停用用户…',
        deactivateHint:
          '停用后该用户无法登录，并在所有地方退出登录；该用户仍保留在列表和审计记录中，可以重新启用。',
        confirmDeactivate: '确定停用 {{name}}',
        deactivatedOn: '已于 {{time}} 停用：无法登录。',
        reactivate: '重新启用',
        reactivated: '已重新启用：该用户可以用原密码登录。'
      }
    }
  }
})
