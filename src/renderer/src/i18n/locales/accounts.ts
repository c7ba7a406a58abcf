import { defineMessages } from '../messages'

/** Set-up, login, lock screen, staff, profile and manager approval. */
const en = {
  accounts: {
    roles: { cashier: 'Cashier', manager: 'Manager', owner: 'Owner' },
    fields: {
      displayName: 'Display name',
      displayNameHint: 'Shown on the till and on receipts.',
      username: 'Username',
      usernameHint: '3–32 letters, digits, dots, dashes or underscores.',
      password: 'Password',
      passwordHint: 'At least 8 characters, not only digits, not the username.',
      confirmPassword: 'Repeat the password',
      pin: 'PIN',
      pinHint: '4 to 6 digits, for unlocking the till and approvals.',
      role: 'Role',
      currentPassword: 'Current password',
      newPassword: 'New password',
      newPin: 'New PIN'
    },
    reasons: {
      passwordsDiffer: 'The two passwords differ'
    },
    setup: {
      title: 'Welcome to Kassa',
      subtitle: 'Two steps before the first sale: your store, and the owner account that manages it.',
      store: 'Your store',
      owner: 'Owner account',
      ownerHint: 'The owner adds staff and changes settings. Keep this password safe.',
      submit: 'Finish set-up',
      saving: 'Setting up…'
    },
    login: {
      title: 'Log in',
      subtitle: 'Log in to {{store}}',
      submit: 'Log in',
      busy: 'Logging in…'
    },
    lock: {
      title: 'Till locked',
      lockedBy: 'Locked for {{name}}',
      enterPin: 'Enter your PIN to unlock',
      unlock: 'Unlock',
      switchUser: 'Switch user',
      switchTitle: 'Switch user',
      switchHint: 'Enter the username and PIN of the person taking over the till.',
      switchSubmit: 'Switch',
      back: 'Back',
      usePassword: 'Log in with a password',
      clear: 'Clear',
      keypad: 'PIN keypad',
      backspace: 'Delete last digit',
      digit: 'Digit {{digit}}'
    },
    topbar: {
      user: 'Logged in as {{name}} ({{role}})',
      profile: 'My profile',
      lock: 'Lock',
      logout: 'Log out'
    },
    audit: {
      warning:
        'The audit log failed its integrity check (entry {{seq}}): it may have been tampered with. Keep this computer as it is and contact support.',
      check: 'Check the audit log now',
      ok_one: 'Audit log intact: {{count}} entry',
      ok_other: 'Audit log intact: {{count}} entries',
      broken: 'Audit log broken at entry {{seq}}: {{reason}}'
    },
    users: {
      title: 'Staff',
      subtitle: 'Who may use this till, and what each person may do.',
      add: 'Add user',
      edit: 'Edit {{name}}',
      editButton: 'Edit',
      listLabel: 'Users',
      columns: { name: 'Name', username: 'Username', role: 'Role', status: 'Status', actions: 'Actions' },
      active: 'Active',
      inactive: 'Deactivated',
      lockedOut: 'Locked out until {{time}}',
      you: 'you',
      newTitle: 'New user',
      editTitle: 'Edit {{name}}',
      keepBlank: 'Leave blank to keep the current one.',
      create: 'Add user',
      save: 'Save changes',
      cancel: 'Cancel',
      deactivate: 'Deactivate',
      reactivate: 'Reactivate',
      created: '{{name}} was added',
      saved: 'Changes saved',
      forbidden: 'Only the owner can manage staff.',
      security: 'Locking and sign-in',
      idleLockMinutes: 'Lock the till after this many idle minutes',
      maxFailedAttempts: 'Failed attempts before an account is locked out',
      lockoutMinutes: 'Lockout length (minutes)',
      saveSecurity: 'Save',
      securitySaved: 'Saved'
    },
    profile: {
      title: 'My profile',
      subtitle: 'Your name on the till, your password and your PIN.',
      nameSection: 'Name',
      saveName: 'Save name',
      secretsSection: 'Password and PIN',
      secretsHint: 'Changing either needs your current password.',
      saveSecrets: 'Change password / PIN',
      saved: 'Saved'
    },
    approval: {
      title: 'Manager approval',
      body: 'You may not do this yourself. A manager or the owner can approve it here with their username and PIN.',
      approver: 'Approver username',
      approve: 'Approve',
      cancel: 'Cancel'
    },
    idle: 'Locked after {{minutes}} idle minutes'
  }
}

const zhCN = {
  accounts: {
    roles: { cashier: '收银员', manager: '店长', owner: '店主' },
    fields: {
      displayName: '显示名称',
      displayNameHint: '显示在收银台和小票上。',
      username: '用户名',
      usernameHint: '3–32 位字母、数字、点、连字符或下划线。',
      password: '密码',
      passwordHint: '至少 8 位，不能全是数字，不能与用户名相同。',
      confirmPassword: '再次输入密码',
      pin: 'PIN 码',
      pinHint: '4–6 位数字，用于解锁收银台和授权。',
      role: '角色',
      currentPassword: '当前密码',
      newPassword: '新密码',
      newPin: '新 PIN 码'
    },
    reasons: {
      passwordsDiffer: '两次输入的密码不一致'
    },
    setup: {
      title: '欢迎使用 Kassa',
      subtitle: '开始第一笔销售前还有两步：门店信息，以及管理门店的店主账户。',
      store: '您的门店',
      owner: '店主账户',
      ownerHint: '店主可以添加员工和修改设置。请妥善保管密码。',
      submit: '完成设置',
      saving: '正在设置…'
    },
    login: {
      title: '登录',
      subtitle: '登录 {{store}}',
      submit: '登录',
      busy: '正在登录…'
    },
    lock: {
      title: '收银台已锁定',
      lockedBy: '{{name}} 已锁定',
      enterPin: '输入 PIN 码解锁',
      unlock: '解锁',
      switchUser: '切换用户',
      switchTitle: '切换用户',
      switchHint: '输入接班人员的用户名和 PIN 码。',
      switchSubmit: '切换',
      back: '返回',
      usePassword: '使用密码登录',
      clear: '清除',
      keypad: 'PIN 数字键盘',
      backspace: '删除最后一位',
      digit: '数字 {{digit}}'
    },
    topbar: {
      user: '当前用户：{{name}}（{{role}}）',
      profile: '我的资料',
      lock: '锁定',
      logout: '退出登录'
    },
    audit: {
      warning: '审计日志未通过完整性检查（第 {{seq}} 条），可能已被篡改。请保持这台电脑现状并联系技术支持。',
      check: '立即检查审计日志',
      ok_one: '审计日志完整：共 {{count}} 条',
      ok_other: '审计日志完整：共 {{count}} 条',
      broken: '审计日志在第 {{seq}} 条处断开：{{reason}}'
    },
    users: {
      title: '员工',
      subtitle: '谁可以使用这台收银机，以及每个人可以做什么。',
      add: '添加用户',
      edit: '编辑 {{name}}',
      editButton: '编辑',
      listLabel: '用户',
      columns: { name: '姓名', username: '用户名', role: '角色', status: '状态', actions: '操作' },
      active: '在职',
      inactive: '已停用',
      lockedOut: '锁定至 {{time}}',
      you: '您',
      newTitle: '新用户',
      editTitle: '编辑 {{name}}',
      keepBlank: '留空则保持不变。',
      create: '添加用户',
      save: '保存修改',
      cancel: '取消',
      deactivate: '停用',
      reactivate: '重新启用',
      created: '已添加 {{name}}',
      saved: '已保存修改',
      forbidden: '只有店主可以管理员工。',
      security: '锁屏与登录',
      idleLockMinutes: '空闲多少分钟后锁定收银台',
      maxFailedAttempts: '连续失败几次后锁定账户',
      lockoutMinutes: '账户锁定时长（分钟）',
      saveSecurity: '保存',
      securitySaved: '已保存'
    },
    profile: {
      title: '我的资料',
      subtitle: '您在收银台上的名称、密码和 PIN 码。',
      nameSection: '名称',
      saveName: '保存名称',
      secretsSection: '密码与 PIN 码',
      secretsHint: '修改任意一项都需要输入当前密码。',
      saveSecrets: '修改密码 / PIN 码',
      saved: '已保存'
    },
    approval: {
      title: '店长授权',
      body: '您无权自行执行此操作。店长或店主可在此输入用户名和 PIN 码授权。',
      approver: '授权人用户名',
      approve: '授权',
      cancel: '取消'
    },
    idle: '空闲 {{minutes}} 分钟后已锁定'
  }
}

export const accountsMessages = defineMessages(en, zhCN)
