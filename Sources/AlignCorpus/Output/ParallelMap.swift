import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Facts about the machine.
public enum System {
    /// Cores available to this process.
    public static var coreCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}

/// Maps 0..<count on `jobs` threads, each with its own worker state (made by
/// `makeWorker`: ICU objects are not thread-safe), and returns the results in index order,
/// so output never depends on the thread count or on which thread did what.
public enum ParallelMap {
    /// Runs the map. `makeWorker` is called once per thread.
    public static func run<T>(count: Int, jobs: Int, makeWorker: @escaping () -> (Int) -> T) -> [T] {
        let box = ResultBox<T>(count)
        let workers = max(1, min(jobs, count))
        nonisolated(unsafe) let make = makeWorker
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let work = make()
            // Each worker takes the next index when it is free: uneven documents balance out.
            while let k = box.next(below: count) { box.set(k, work(k)) }
        }
        return box.values()
    }

    /// Runs the map on one thread per element of `workers` (at most `count`), each thread
    /// using its own worker. Workers outlive the call: a batch loop reuses them, with the
    /// ICU objects and caches they hold.
    public static func run<W: AnyObject, T>(count: Int, workers: [W], _ work: @escaping (W, Int) -> T) -> [T] {
        let box = ResultBox<T>(count)
        let threads = max(1, min(workers.count, count))
        nonisolated(unsafe) let pool = workers
        nonisolated(unsafe) let body = work
        DispatchQueue.concurrentPerform(iterations: threads) { i in
            while let k = box.next(below: count) { box.set(k, body(pool[i], k)) }
        }
        return box.values()
    }
}

/// Results written by several threads, one slot each, under a mutex.
final class ResultBox<T>: @unchecked Sendable {
    private var results: [T?]
    private var nextIndex = 0
    private var mutex = pthread_mutex_t()

    init(_ n: Int) {
        results = [T?](repeating: nil, count: n)
        pthread_mutex_init(&mutex, nil)
    }

    deinit { pthread_mutex_destroy(&mutex) }

    /// The next index to work on, or nil when all are taken.
    func next(below count: Int) -> Int? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        guard nextIndex < count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    func set(_ k: Int, _ value: T) {
        pthread_mutex_lock(&mutex)
        results[k] = value
        pthread_mutex_unlock(&mutex)
    }

    func values() -> [T] {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return results.map { $0! }
    }
}
