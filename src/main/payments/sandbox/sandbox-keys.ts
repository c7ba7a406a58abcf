import { createHash, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { mkdirDurably, writeFileDurably } from '../../fs/durable-file'

/**
 * The sandbox's test credentials, generated on first run into `<dataDir>/sandbox-keys/` and reused
 * afterwards, so a merchant's sandbox setup survives restarts like a real one would.
 *
 * Both providers run in public-key mode: Alipay "普通公钥模式" (app key pair + Alipay public key) and
 * WeChat Pay's "微信支付公钥" (a platform public key with its `PUB_KEY_ID_…` serial), which is what new
 * merchants get. Neither needs an X.509 certificate, so node:crypto is enough; certificate mode is a
 * production configuration choice, not a code change.
 */
export interface SandboxKeys {
  dir: string
  alipay: {
    appId: string
    /** The merchant's app key pair: the SDK signs requests with the private half. */
    appPrivateKeyFile: string
    appPublicKey: string
    /** "Alipay's" key pair: the sandbox signs responses and notifications with it. */
    alipayPrivateKey: string
    alipayPublicKeyFile: string
  }
  wechat: {
    mchId: string
    appId: string
    merchantSerial: string
    merchantPrivateKeyFile: string
    merchantPublicKey: string
    platformSerial: string
    platformPrivateKey: string
    platformPublicKeyFile: string
    apiV3KeyFile: string
    apiV2KeyFile: string
  }
  card: {
    terminalId: string
    terminalKeyFile: string
  }
  /** A key nobody trusts, for the "bad signature" scenarios. */
  roguePrivateKey: string
}

const ALIPAY_APP_ID = '9021000100000001'
const WECHAT_MCH_ID = '1900000109'
const WECHAT_APP_ID = 'wx8888888888888888'
const TERMINAL_ID = 'SANDBOX-T01'

export function loadOrCreateSandboxKeys(dataDir: string): SandboxKeys {
  const dir = join(dataDir, 'sandbox-keys')
  // Written durably (temp name, fsync, rename, fsync the folder): a power cut leaves a key whole
  // or absent, never empty — an empty key file would make every later start fail.
  mkdirDurably(dir, { mode: 0o700 })
  const file = (name: string): string => join(dir, name)
  const pair = (name: string): { privateKey: string; publicKey: string } => {
    const priv = file(`${name}-private.pem`)
    const pub = file(`${name}-public.pem`)
    if (!existsSync(priv) || !existsSync(pub)) {
      const keys = generateKeyPairSync('rsa', {
        modulusLength: 2048,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' }
      })
      writeFileDurably(priv, keys.privateKey, { mode: 0o600 })
      writeFileDurably(pub, keys.publicKey)
    }
    return { privateKey: readFileSync(priv, 'utf8'), publicKey: readFileSync(pub, 'utf8') }
  }
  const secret = (name: string, length: number): string => {
    const path = file(name)
    if (!existsSync(path)) {
      // Keys are real secrets even in the sandbox: from the OS's generator, not the seeded one.
      // Base62 characters, the shape both providers hand out (WeChat checks for exactly 32).
      const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
      const text = Array.from(randomBytes(length), (b) => alphabet[b % 62]).join('')
      writeFileDurably(path, text, { mode: 0o600 })
    }
    return file(name)
  }

  const alipayApp = pair('alipay-app')
  const alipay = pair('alipay-platform')
  const merchant = pair('wechat-merchant')
  const platform = pair('wechat-platform')
  const rogue = pair('rogue')

  return {
    dir,
    alipay: {
      appId: ALIPAY_APP_ID,
      appPrivateKeyFile: file('alipay-app-private.pem'),
      appPublicKey: alipayApp.publicKey,
      alipayPrivateKey: alipay.privateKey,
      alipayPublicKeyFile: file('alipay-platform-public.pem')
    },
    wechat: {
      mchId: WECHAT_MCH_ID,
      appId: WECHAT_APP_ID,
      // A merchant certificate serial is 40 hex digits; a platform public key id is PUB_KEY_ID_ + hex.
      merchantSerial: fingerprint(merchant.publicKey).slice(0, 40),
      merchantPrivateKeyFile: file('wechat-merchant-private.pem'),
      merchantPublicKey: merchant.publicKey,
      platformSerial: `PUB_KEY_ID_${fingerprint(platform.publicKey).slice(0, 32)}`,
      platformPrivateKey: platform.privateKey,
      platformPublicKeyFile: file('wechat-platform-public.pem'),
      apiV3KeyFile: secret('wechat-apiv3.key', 32),
      apiV2KeyFile: secret('wechat-apiv2.key', 32)
    },
    card: { terminalId: TERMINAL_ID, terminalKeyFile: secret('card-terminal.key', 32) },
    roguePrivateKey: rogue.privateKey
  }
}

function fingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ format: 'der', type: 'spki' })
  return (
    createHash('sha1').update(der).digest('hex').toUpperCase() +
    createHash('sha256').update(der).digest('hex').toUpperCase()
  )
}
