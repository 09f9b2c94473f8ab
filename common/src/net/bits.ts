/** Minimal big-endian bit writer/reader over a byte array, for packed pose records. */
export class BitCursor {
  /** Bit offset from the start of `bytes`. */
  pos: number
  constructor(
    public bytes: Uint8Array,
    byteOffset = 0,
  ) {
    this.pos = byteOffset * 8
  }

  /** Writes the low `n` bits (n <= 32) of an unsigned value. */
  write(value: number, n: number): void {
    for (let i = n - 1; i >= 0; i--) {
      const bit = Math.floor(value / 2 ** i) & 1
      const byte = this.pos >> 3
      const shift = 7 - (this.pos & 7)
      if (bit) this.bytes[byte]! |= 1 << shift
      else this.bytes[byte]! &= ~(1 << shift)
      this.pos++
    }
  }

  /** Reads `n` bits (n <= 32) as an unsigned value. */
  read(n: number): number {
    let v = 0
    for (let i = 0; i < n; i++) {
      const byte = this.pos >> 3
      const shift = 7 - (this.pos & 7)
      v = v * 2 + ((this.bytes[byte]! >> shift) & 1)
      this.pos++
    }
    return v
  }

  /** Writes a signed integer as `n`-bit two's complement. */
  writeSigned(value: number, n: number): void {
    this.write(value < 0 ? value + 2 ** n : value, n)
  }

  readSigned(n: number): number {
    const v = this.read(n)
    return v >= 2 ** (n - 1) ? v - 2 ** n : v
  }
}
