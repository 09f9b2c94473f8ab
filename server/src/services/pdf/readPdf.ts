import { inflateSync } from 'node:zlib'

/** What `readPdf` finds in a document. */
export interface PdfContents {
  pages: number
  /** Text of each page, one line per text object, decoded through the fonts' ToUnicode maps. */
  text: string[]
  /** BaseFont names of the embedded fonts (e.g. `ABCDEF+NotoSansHans-Regular`). */
  fonts: string[]
  /** The document's /Lang, when set. */
  lang: string | undefined
}

interface PdfObject {
  dict: string
  stream: Buffer | undefined
}

/** Objects by number, with their dictionaries and (inflated) streams. Handles what renderPdf writes. */
function objects(pdf: Buffer): Map<number, PdfObject> {
  const latin = pdf.toString('latin1')
  const out = new Map<number, PdfObject>()
  const re = /(\d+) 0 obj\s*/g
  for (let m = re.exec(latin); m; m = re.exec(latin)) {
    const start = m.index + m[0].length
    const end = latin.indexOf('endobj', start)
    if (end < 0) break
    const body = latin.slice(start, end)
    const s = body.indexOf('stream')
    const dict = s >= 0 ? body.slice(0, s) : body
    let stream: Buffer | undefined
    if (s >= 0) {
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? -1)
      const from = start + s + 'stream'.length + (latin[start + s + 6] === '\r' ? 2 : 1)
      const raw = pdf.subarray(from, length >= 0 ? from + length : start + body.lastIndexOf('endstream'))
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw
    }
    out.set(Number(m[1]), { dict, stream })
    re.lastIndex = end
  }
  return out
}

function utf16be(hex: string): string {
  const units: number[] = []
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16))
  return String.fromCharCode(...units)
}

/** Code → text from a ToUnicode CMap (bfchar entries and bfrange entries, with arrays or increments). */
function parseCmap(text: string): Map<number, string> {
  const map = new Map<number, string>()
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const e of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(parseInt(e[1]!, 16), utf16be(e[2]!))
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const re = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g
    for (const e of block[1]!.matchAll(re)) {
      const lo = parseInt(e[1]!, 16)
      const hi = parseInt(e[2]!, 16)
      if (e[3]!.startsWith('[')) {
        // a ligature maps to several characters, written with spaces inside: <0066 0069>
        const values = [...e[3]!.matchAll(/<([0-9a-fA-F\s]+)>/g)].map((v) => utf16be(v[1]!.replace(/\s/g, '')))
        values.forEach((v, i) => lo + i <= hi && map.set(lo + i, v))
      } else {
        const base = parseInt(e[3]!.slice(1, -1), 16)
        for (let c = lo; c <= hi; c++) map.set(c, String.fromCodePoint(base + c - lo))
      }
    }
  }
  return map
}

const ref = (dict: string, key: string) => Number(new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict)?.[1] ?? -1)

/**
 * Reads back a PDF written by `renderPdf`: page count, the text of each page (through the embedded fonts' ToUnicode
 * maps, so Chinese comes back as Chinese) and the embedded fonts. A small reader for tests and checks, not a general
 * PDF parser: no object streams, no encryption, hex-string text with two-byte codes.
 */
export function readPdf(pdf: Buffer): PdfContents {
  const objs = objects(pdf)
  const pages = [...objs.values()].filter((o) => /\/Type\s*\/Page\b(?!s)/.test(o.dict))
  const fonts = [...objs.values()]
    .filter((o) => /\/Type\s*\/Font\b/.test(o.dict) && /\/Subtype\s*\/Type0/.test(o.dict))
    .map((o) => /\/BaseFont\s*\/([^\s/>]+)/.exec(o.dict)?.[1] ?? '')
  const text = pages.map((page) => {
    const resources = objs.get(ref(page.dict, 'Resources'))?.dict ?? page.dict
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? ''
    const cmaps = new Map<string, Map<number, string>>()
    for (const f of fontDict.matchAll(/\/([A-Za-z0-9_]+)\s+(\d+) 0 R/g)) {
      const font = objs.get(Number(f[2]))
      const cmap = font ? objs.get(ref(font.dict, 'ToUnicode'))?.stream : undefined
      if (cmap) cmaps.set(f[1]!, parseCmap(cmap.toString('latin1')))
    }
    const contents = objs.get(ref(page.dict, 'Contents'))?.stream?.toString('latin1') ?? ''
    const lines: string[] = []
    for (const bt of contents.matchAll(/BT([\s\S]*?)ET/g)) {
      let cmap: Map<number, string> | undefined
      let line = ''
      for (const tok of bt[1]!.matchAll(/\/([A-Za-z0-9_]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>/g)) {
        if (tok[1]) cmap = cmaps.get(tok[1])
        else
          for (let i = 0; i + 4 <= tok[2]!.length; i += 4)
            line += cmap?.get(parseInt(tok[2]!.slice(i, i + 4), 16)) ?? ''
      }
      lines.push(line)
    }
    return lines.join('\n')
  })
  const lang = /\/Lang\s*\(([^)]*)\)/.exec(pdf.toString('latin1'))?.[1]
  return { pages: pages.length, text, fonts, lang }
}
