/**
 * WeChat Pay v2's XML is flat: `<xml><key><![CDATA[value]]></key>…</xml>`. The sandbox needs only
 * that much XML, so it reads and writes it itself rather than pulling in a parser.
 */
export function parseFlatXml(xml: string): Record<string, string> {
  const out: Record<string, string> = {}
  const body = /<xml>([\s\S]*)<\/xml>/.exec(xml)?.[1] ?? ''
  for (const match of body.matchAll(/<([A-Za-z0-9_]+)>(?:<!\[CDATA\[([\s\S]*?)\]\]>|([^<]*))<\/\1>/g)) {
    out[match[1] as string] = match[2] ?? decodeEntities(match[3] ?? '')
  }
  return out
}

export function buildFlatXml(fields: Record<string, string>): string {
  const inner = Object.entries(fields)
    .map(([key, value]) =>
      /^[0-9A-Za-z_.:+-]*$/.test(value)
        ? `<${key}>${value}</${key}>`
        : `<${key}><![CDATA[${value}]]></${key}>`
    )
    .join('')
  return `<xml>${inner}</xml>`
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}
