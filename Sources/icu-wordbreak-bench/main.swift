// The yardstick for tools/bench-segment: ICU's word break over a file, line by line, with
// nothing else around it. Usage: icu-wordbreak-bench zh|en FILE
#if canImport(Glibc)
    import Glibc
#endif
import ICUBridge

let arguments = CommandLine.arguments
guard arguments.count == 3, let file = fopen(arguments[2], "rb") else {
    print("usage: icu-wordbreak-bench zh|en FILE")
    exit(64)
}
var data: [UInt8] = []
var chunk = [UInt8](repeating: 0, count: 1 << 20)
while true {
    let n = fread(&chunk, 1, chunk.count, file)
    if n <= 0 { break }
    data.append(contentsOf: chunk[0..<n])
}
fclose(file)

var status: Int32 = 0
guard let breaker = acb_breaker_open(Int32(ACB_BREAK_WORD), arguments[1], &status) else { exit(1) }
var start = timespec()
clock_gettime(CLOCK_MONOTONIC, &start)
var boundaries: Int64 = 0
data.withUnsafeBufferPointer { buffer in
    var lineStart = 0
    for i in 0..<buffer.count where buffer[i] == 0x0A {
        if i > lineStart {
            boundaries += acb_bare_word_break(breaker, buffer.baseAddress! + lineStart, Int32(i - lineStart), &status)
        }
        lineStart = i + 1
    }
    if lineStart < buffer.count {
        boundaries += acb_bare_word_break(
            breaker, buffer.baseAddress! + lineStart, Int32(buffer.count - lineStart), &status)
    }
}
var end = timespec()
clock_gettime(CLOCK_MONOTONIC, &end)
let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
acb_breaker_close(breaker)
print("bytes=\(data.count) boundaries=\(boundaries) seconds=\(seconds)")
