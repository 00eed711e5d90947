/// Did-you-mean: the nearest candidate by optimal-string-alignment distance, case-insensitively.
enum Suggestion {
    /// The candidate nearest to `word`, if it is close enough to be a likely typo; ties go to the first.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let other = Array(candidate.lowercased().unicodeScalars)
            let limit = min(best.map { $0.distance - 1 } ?? Int.max, threshold(target.count, other.count))
            guard limit >= 0, abs(target.count - other.count) <= limit else { continue }
            if let distance = distance(target, other, limit: limit) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// How many edits still count as a typo: a third of the longer word, between one and three.
    static func threshold(_ left: Int, _ right: Int) -> Int {
        max(1, min(3, (max(left, right) + 1) / 3))
    }

    /// The optimal-string-alignment distance (adjacent transpositions count once), or `nil` above `limit`.
    static func distance(_ left: [Unicode.Scalar], _ right: [Unicode.Scalar], limit: Int) -> Int? {
        if left.isEmpty || right.isEmpty {
            return max(left.count, right.count) <= limit ? max(left.count, right.count) : nil
        }
        var previous2 = [Int](repeating: 0, count: right.count + 1)
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for i in 1...left.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...right.count {
                let cost = left[i - 1] == right[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, left[i - 1] == right[j - 2], left[i - 2] == right[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return nil }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[right.count] <= limit ? previous[right.count] : nil
    }
}
