/// mimalloc serves the many small strings and vectors of a load (about
/// fifteen allocations a record) from thread-local pages: on 100,000
/// records `report` takes 5-10% less time than under glibc's malloc, and
/// at a million records its peak is 1.33 GiB instead of 1.45 (`check`
/// 1.09 instead of 1.19).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // Elsewhere than Linux, as early as can be (the first arena keeps the
    // defaults).
    #[cfg(not(target_os = "linux"))]
    commit_memory_as_used();
    danvan::cli::main()
}

/// Run by the loader before anything else, the Rust runtime included:
/// mimalloc reads its arena settings at the first allocation, which
/// happens before `main`. (Not in the tests, which look at the defaults.)
#[cfg(all(target_os = "linux", not(test)))]
#[used]
#[unsafe(link_section = ".init_array")]
static SET_ALLOCATOR_OPTIONS: extern "C" fn() = {
    extern "C" fn set() {
        commit_memory_as_used();
    }
    set
};

/// Options of mimalloc 3 (`mi_option_e` in its mimalloc.h), which the
/// Rust binding does not name; the test below checks them against their
/// documented defaults, so that an upgrade that renumbers them fails.
const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// By default mimalloc commits the whole arena it reserves and keeps
/// freed pages for a second before returning them: `report` on 100,000
/// records then peaked at 215 MB instead of 165. Committing pages as they
/// are touched, and returning freed ones after a quarter of a second,
/// keeps the peak near what the run holds (about 170 MB) and the speed.
fn commit_memory_as_used() {
    // SAFETY: mi_option_set only changes allocator settings; it is called
    // before any thread starts, and before any allocation on Linux.
    unsafe {
        libmimalloc_sys::mi_option_set(ARENA_EAGER_COMMIT, 0);
        libmimalloc_sys::mi_option_set(PURGE_DELAY, 250);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> (std::ffi::c_long, std::ffi::c_long) {
        // SAFETY: reading allocator settings has no effect.
        unsafe {
            (
                libmimalloc_sys::mi_option_get(ARENA_EAGER_COMMIT),
                libmimalloc_sys::mi_option_get(PURGE_DELAY),
            )
        }
    }

    #[test]
    fn the_allocator_options_are_the_ones_meant() {
        // mimalloc 3's defaults: eager commit "2" (on an OS that
        // overcommits), and purging after 1000 ms.
        assert_eq!(options(), (2, 1000));
        commit_memory_as_used();
        assert_eq!(options(), (0, 250));
    }
}
