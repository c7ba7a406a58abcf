/** Reads a stream to its end as bytes. */
export async function readBytes(stream: AsyncIterable<string | Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk))
  return Buffer.concat(chunks)
}

/** Reads a stream to its end as UTF-8 text. */
export async function readText(stream: AsyncIterable<string | Uint8Array>): Promise<string> {
  return (await readBytes(stream)).toString('utf8')
}
