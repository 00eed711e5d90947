/// Hands memory the process has freed back to the system.
///
/// glibc keeps freed heap pages resident for reuse, but memory freed by one stage is often not reusable by the
/// next: other threads allocate from other arenas, and large arrays are fresh mappings. After a plan's read, the
/// emulators' stores and the read's buffers (about a third of a gigabyte at 50,000 people) would otherwise stay
/// resident while the plan is built on top of them.
public enum FreedMemory {
    /// Returns the free pages of every malloc arena to the system; does nothing where malloc has no such call.
    public static func returnToSystem() {
        #if os(Linux)
        _ = trimMallocArenas(0)
        #endif
    }
}

#if os(Linux)
/// glibc's `malloc_trim`, which its Swift module map leaves out.
@_silgen_name("malloc_trim")
private func trimMallocArenas(_ pad: Int) -> Int32
#endif
