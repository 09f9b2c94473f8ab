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

  /** Writes the low `n` bits (n <= 32) of an unsigned value, a byte-aligned chunk at a time. */
  write(value: number, n: number): void {
    const v = value >>> 0
    while (n > 0) {
      const byte = this.pos >> 3
      const room = 8 - (this.pos & 7)
      const take = room < n ? room : n
      const chunk = (v >>> (n - take)) & ((1 << take) - 1)
      const shift = room - take
      const mask = ((1 << take) - 1) << shift
      this.bytes[byte] = (this.bytes[byte]! & ~mask) | (chunk << shift)
      this.pos += take
      n -= take
    }
  }

  /** Reads `n` bits (n <= 32) as an unsigned value. */
  read(n: number): number {
    let v = 0
    while (n > 0) {
      const byte = this.pos >> 3
      const room = 8 - (this.pos & 7)
      const take = room < n ? room : n
      const chunk = (this.bytes[byte]! >> (room - take)) & ((1 << take) - 1)
      // multiply rather than shift: a 32-bit result would overflow a signed int
      v = v * (1 << take) + chunk
      this.pos += take
      n -= take
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
