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
        remove: 'Remove user…',
        confirmRemove: 'Really remove {{name}}'
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
        remove: '删除用户…',
        confirmRemove: '确定删除 {{name}}'
      }
    }
  }
})
