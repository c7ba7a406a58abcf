import { defineMessages } from '@renderer/i18n/messages'

const en = {
  hq: {
    app: { name: 'Kassa HQ', tagline: 'Head office', loading: 'Loading…' },
    nav: {
      label: 'Head office',
      dashboard: 'Dashboard',
      stores: 'Stores & tills',
      settlement: 'Daily settlement',
      users: 'Users'
    },
    roles: { owner: 'Owner', manager: 'Manager', auditor: 'Auditor' },
    user: { menu: 'Signed in as {{name}}', signOut: 'Sign out' },
    auth: {
      title: 'Sign in to the head office',
      name: 'Name',
      password: 'Password',
      signIn: 'Sign in',
      signingIn: 'Signing in…',
      setupTitle: 'Set up the head office',
      setupIntro:
        'No one has signed in here yet. Choose the owner’s name and password: the owner can do everything, and adds managers and auditors.',
      passwordHint: 'At least 10 characters.',
      confirm: 'Repeat the password',
      mismatch: 'The two passwords differ.',
      create: 'Create the owner and sign in',
      reauthTitle: 'Sign in again',
      reauthKept:
        'Signed in as {{name}}. What you typed is kept: after signing in, what you were doing continues.',
      reauthSignOut: 'Sign out (another person)'
    },
    common: {
      refresh: 'Refresh',
      never: 'never',
      none: '—',
      retry: 'Try again',
      close: 'Close',
      cancel: 'Cancel'
    }
  },
  fields: { name: 'Name', storeId: 'Store', storeIds: 'Stores', timeZone: 'Time zone' },
  errors: {
    LOCKED: 'Too many attempts: try again later.',
    hq: {
      notFound: 'not found',
      badJson: 'The request was not understood; reload the page.',
      internal: 'The head office failed. Try again; if it persists, tell the administrator.',
      unavailable: 'The head office cannot reach its database. Try again in a moment.',
      offline: 'The head office cannot be reached. Check the network and try again.',
      auth: {
        foreign: 'This request did not come from the head office’s own page.',
        forbidden: 'Your role may not do this.',
        notYourStore: 'not one of your stores',
        signedOut: 'Sign in first.',
        sessionExpired: 'You were signed out after a while without use. Sign in again.',
        sessionEnded: 'You were signed out (in another tab, or your password was changed). Sign in again.',
        sessionDeactivated: 'This account has been deactivated; ask the owner.',
        wrong: 'The name or password is wrong.',
        locked: 'Too many wrong passwords. Try again in {{minutes}} min.',
        alreadySetUp: 'The head office is already set up: sign in.',
        deactivated: 'This user was deactivated by the owner and cannot sign in.'
      },
      users: {
        nameTaken: 'a user of that name exists',
        managerNeedsStore: 'a manager runs at least one store',
        unknown: 'this user no longer exists; reload the list',
        lastOwner: 'the head office needs at least one owner: make another user owner first'
      }
    }
  }
}

export const shellMessages = defineMessages(en, {
  hq: {
    app: { name: 'Kassa 总部', tagline: '总部', loading: '加载中…' },
    nav: { label: '总部', dashboard: '概览', stores: '门店与收银台', settlement: '每日结算', users: '用户' },
    roles: { owner: '店主', manager: '店长', auditor: '审计员' },
    user: { menu: '已登录：{{name}}', signOut: '退出登录' },
    auth: {
      title: '登录总部',
      name: '用户名',
      password: '密码',
      signIn: '登录',
      signingIn: '正在登录…',
      setupTitle: '设置总部',
      setupIntro: '这里还没有人登录过。请设置店主的用户名和密码：店主可以做所有操作，并可添加店长和审计员。',
      passwordHint: '至少 10 个字符。',
      confirm: '再次输入密码',
      mismatch: '两次输入的密码不一致。',
      create: '创建店主并登录',
      reauthTitle: '重新登录',
      reauthKept: '当前用户 {{name}}。您已输入的内容会保留：重新登录后，刚才的操作会继续完成。',
      reauthSignOut: '退出登录（换人）'
    },
    common: { refresh: '刷新', never: '从未', none: '—', retry: '重试', close: '关闭', cancel: '取消' }
  },
  fields: { name: '名称', storeId: '门店', storeIds: '门店', timeZone: '时区' },
  errors: {
    LOCKED: '尝试次数过多，请稍后再试。',
    hq: {
      notFound: '不存在',
      badJson: '请求无法识别，请刷新页面。',
      internal: '总部出错了。请重试；如果仍然出错，请告诉管理员。',
      unavailable: '总部连不上数据库，请稍后再试。',
      offline: '连不上总部，请检查网络后重试。',
      auth: {
        foreign: '此请求不是来自总部自己的页面。',
        forbidden: '您的角色不能执行此操作。',
        notYourStore: '不是您负责的门店',
        signedOut: '请先登录。',
        sessionExpired: '长时间未操作，已自动退出，请重新登录。',
        sessionEnded: '您已退出登录（在另一个标签页中退出，或密码已被更改）。请重新登录。',
        sessionDeactivated: '该账户已停用，请联系店主。',
        wrong: '用户名或密码错误。',
        locked: '密码错误次数过多，请在 {{minutes}} 分钟后再试。',
        alreadySetUp: '总部已经设置好了，请登录。',
        deactivated: '该用户已被店主停用，无法登录。'
      },
      users: {
        nameTaken: '已有同名用户',
        managerNeedsStore: '店长至少要负责一家门店',
        unknown: '该用户已不存在，请刷新列表',
        lastOwner: '总部至少要有一位店主：请先把另一位用户设为店主'
      }
    }
  }
})
