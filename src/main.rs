fn main() -> std::process::ExitCode {
    keep_large_buffers_mapped();
    danvan::cli::main()
}

/// glibc serves a large allocation from a fresh mapping, returned to the
/// system when freed, until a large block is freed: then it raises that
/// threshold, and later large buffers (a register, a report page) come
/// from the heap, where freeing them leaves holes. At province scale the
/// peak memory of one `danvan report` run then varied from 230 to 470 MB
/// with thread timing. A fixed threshold keeps it steady.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn keep_large_buffers_mapped() {
    // SAFETY: mallopt only changes allocator settings; it is called before
    // any thread starts. glibc's default threshold is 128 KiB.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn keep_large_buffers_mapped() {}
