/// Runs independent reads a few at a time and keeps their answers in order.
enum ConcurrentReads {
    /// Calls `read` for every item, at most `limit` at once; the answers come back in the items' order.
    static func map<Item: Sendable, Answer: Sendable>(
        _ items: [Item], limit: Int, _ read: @escaping @Sendable (Item) async throws -> Answer
    ) async throws -> [Answer] {
        try await withThrowingTaskGroup(of: (Int, Answer).self) { group in
            var answers: [Answer?] = Array(repeating: nil, count: items.count)
            var next = 0
            func start() {
                guard next < items.count else { return }
                let index = next
                let item = items[index]
                group.addTask { (index, try await read(item)) }
                next += 1
            }
            for _ in 0..<max(1, limit) { start() }
            while let (index, answer) = try await group.next() {
                answers[index] = answer
                start()
            }
            return answers.compactMap { $0 }
        }
    }
}
