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
      columns: { name: 'Name', role: 'Role', stores: 'Stores', since: 'Since' },
      allStores: 'All stores'
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
      columns: { name: '用户名', role: '角色', stores: '门店', since: '创建于' },
      allStores: '全部门店'
    }
  }
})
