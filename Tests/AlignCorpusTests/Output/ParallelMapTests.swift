import Synchronization
import Testing

@testable import AlignCorpus

/// A worker that counts its uses and notices if two threads ever use it at once.
private final class CountingWorker: @unchecked Sendable {
    let busy = Atomic<Int>(0)
    let uses = Atomic<Int>(0)
    let overlaps = Atomic<Int>(0)

    func square(_ k: Int) -> Int {
        if busy.add(1, ordering: .sequentiallyConsistent).newValue > 1 { overlaps.add(1, ordering: .relaxed) }
        defer { busy.subtract(1, ordering: .sequentiallyConsistent) }
        uses.add(1, ordering: .relaxed)
        var x = 0
        for i in 0..<(k % 7) * 1000 { x &+= i }  // uneven work
        return k * k + (x & 0)
    }
}

@Suite struct ParallelMapTests {
    @Test func resultsComeInIndexOrderWhateverTheThreadCount() {
        for jobs in [1, 2, 4] {
            let workers = (0..<jobs).map { _ in CountingWorker() }
            let squares = ParallelMap.run(count: 500, workers: workers) { w, k in w.square(k) }
            #expect(squares == (0..<500).map { $0 * $0 })
        }
    }

    @Test func workersAreReusedAcrossRunsAndNeverSharedAtOnce() {
        let workers = [CountingWorker(), CountingWorker()]
        for _ in 0..<3 { _ = ParallelMap.run(count: 200, workers: workers) { w, k in w.square(k) } }
        #expect(workers.map { $0.uses.load(ordering: .relaxed) }.reduce(0, +) == 600)
        #expect(workers.allSatisfy { $0.overlaps.load(ordering: .relaxed) == 0 })
    }

    @Test func moreWorkersThanItemsIsFine() {
        let workers = (0..<8).map { _ in CountingWorker() }
        #expect(ParallelMap.run(count: 3, workers: workers) { w, k in w.square(k) } == [0, 1, 4])
        #expect(ParallelMap.run(count: 0, workers: workers) { w, k in w.square(k) } == [])
    }
}
