//! What a person sees in a real terminal: danvan run in tmux (a
//! pseudo-terminal of a set width), the screen read back with
//! `capture-pane`. Tables fit 60, 80, 100 and 160 columns (snapshots),
//! nothing wraps, colour is on there and off with TERM=dumb, and long
//! output goes through the pager.

mod common;
use common::{require_tool, root};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server of this test's own (its socket named for the process and
/// the test), killed when dropped.
struct Tmux {
    tmux: std::path::PathBuf,
    socket: String,
    /// The window of the last run: each run has its own.
    session: std::cell::Cell<usize>,
}

impl Tmux {
    fn start(name: &str) -> Option<Tmux> {
        let tmux = require_tool(&["tmux"])?;
        Some(Tmux {
            tmux,
            socket: format!("danvan-test-{}-{name}", std::process::id()),
            session: std::cell::Cell::new(0),
        })
    }

    fn command(&self) -> Command {
        let mut cmd = common::isolated(&self.tmux);
        cmd.args(["-L", &self.socket, "-f", "/dev/null"]);
        cmd
    }

    /// Runs `shell` (a `sh -c` line) in a new window `width` × `height`,
    /// with `env`, and returns once `wait_for` is on the screen (or the
    /// shell has printed `__DONE__`).
    fn run(&self, width: u16, height: u16, env: &[(&str, &str)], shell: &str) {
        self.session.set(self.session.get() + 1);
        let mut cmd = self.command();
        cmd.args([
            "new-session",
            "-d",
            "-s",
            &self.target(),
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
        cmd.arg("-c").arg(root());
        // tmux sets TERM in the pane: the variables are set on the line.
        let vars: Vec<String> = env.iter().map(|(k, v)| format!("{k}='{v}'")).collect();
        // The shell stays after the command so the screen can be read.
        cmd.arg(format!("env {} {shell}; printf __DONE__; sleep 60", vars.join(" ")));
        let status = cmd.status().unwrap();
        assert!(status.success(), "tmux new-session: {status}");
    }

    /// The screen, each row as tmux shows it (with `-J` a wrapped row is
    /// joined to the next), once `until` is on it.
    fn screen(&self, until: &str, escapes: bool) -> String {
        let start = Instant::now();
        loop {
            let mut cmd = self.command();
            cmd.args(["capture-pane", "-p", "-t", &self.target(), "-S", "-", "-J"]);
            if escapes {
                cmd.arg("-e");
            }
            let out = cmd.output().unwrap();
            let text = String::from_utf8_lossy(&out.stdout).into_owned();
            if text.contains(until) {
                return text;
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "never saw {until:?}:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn target(&self) -> String {
        format!("t{}", self.session.get())
    }

    fn keys(&self, keys: &str) {
        let status = self
            .command()
            .args(["send-keys", "-t", &self.target(), keys])
            .status()
            .unwrap();
        assert!(status.success());
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.command().arg("kill-server").status();
    }
}

fn danvan_line(args: &str) -> String {
    format!("{} {args}", Path::new(env!("CARGO_BIN_EXE_danvan")).display())
}

const COMMANDS: [(&str, &str); 5] = [
    ("status", "--as-of 2025-06-30 status"),
    ("petitions", "--as-of 2023-06-30 petitions --period 2023-H1"),
    ("conclusions", "--as-of 2024-06-30 conclusions --period 2023"),
    ("progress", "--as-of 2025-06-30 progress"),
    ("list_models", "--as-of 2025-06-30 list models"),
];

fn width(line: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(line)
}

#[test]
fn tables_fit_the_terminal_at_60_80_100_and_160_columns() {
    let Some(tmux) = Tmux::start("widths") else { return };
    for columns in [60u16, 80, 100, 160] {
        for (name, args) in COMMANDS {
            tmux.run(
                columns,
                50,
                &[("TERM", "xterm-256color")],
                &danvan_line(&format!("--records records --no-pager {args}")),
            );
            let screen = tmux.screen("__DONE__", false);
            let shown = screen[..screen.find("__DONE__").unwrap()].trim_end().to_owned();
            for line in shown.lines() {
                assert!(
                    width(line) <= usize::from(columns),
                    "{name} at {columns}: a line of {} columns:\n{line}",
                    width(line)
                );
            }
            // A row of a table never spills onto the next one.
            assert!(!shown.contains("│\n│ │"), "{name} at {columns}");
            insta::assert_snapshot!(format!("{name}_{columns}"), shown);
        }
    }
}

#[test]
fn colour_on_a_terminal_and_none_for_term_dumb_or_no_color() {
    let Some(tmux) = Tmux::start("colour") else { return };
    let line = danvan_line("--records records --no-pager --as-of 2025-06-30 petitions --overdue --as-of 2023-06-30");
    for (env, coloured) in [
        (vec![("TERM", "xterm-256color")], true),
        (vec![("TERM", "dumb")], false),
        (vec![("TERM", "xterm-256color"), ("NO_COLOR", "1")], false),
    ] {
        tmux.run(120, 40, &env, &line);
        let screen = tmux.screen("__DONE__", true);
        assert_eq!(screen.contains("\x1b["), coloured, "{env:?}:\n{screen}");
    }
}

#[test]
fn long_output_goes_through_the_pager_unless_told_not_to() {
    let Some(tmux) = Tmux::start("pager") else { return };
    if require_tool(&["less"]).is_none() {
        return;
    }
    let line = danvan_line("--records records --as-of 2025-06-30 list petitions");
    tmux.run(120, 20, &[("TERM", "xterm-256color")], &line);
    // less shows the first screen and waits; `q` quits it, and danvan with it.
    let first = tmux.screen(":", false);
    assert!(first.contains("Đơn thư"), "{first}");
    assert!(!first.contains("__DONE__"), "{first}");
    tmux.keys("q");
    tmux.screen("__DONE__", false);

    // DANVAN_PAGER is the pager; --no-pager prints straight out.
    let dir = tempfile::tempdir().unwrap();
    let paged = dir.path().join("paged.txt");
    tmux.run(
        120,
        20,
        &[
            ("TERM", "xterm-256color"),
            ("DANVAN_PAGER", &format!("cat > {}", paged.display())),
        ],
        &line,
    );
    tmux.screen("__DONE__", false);
    assert!(std::fs::read_to_string(&paged).unwrap().contains("Đơn thư"));
    std::fs::remove_file(&paged).unwrap();
    tmux.run(
        120,
        20,
        &[
            ("TERM", "xterm-256color"),
            ("DANVAN_PAGER", &format!("cat > {}", paged.display())),
        ],
        &format!("{line} --no-pager"),
    );
    tmux.screen("__DONE__", false);
    assert!(!paged.exists());
}

#[test]
fn output_that_is_not_a_terminal_keeps_the_whole_table_and_columns_is_honoured() {
    let full = common::danvan().args(["--as-of", "2025-06-30", "status"]).run().stdout;
    assert!(
        full.contains("Mô hình Dân vận khéo được công nhận từ cấp huyện trở lên"),
        "{full}"
    );
    assert!(!full.contains('…'));
    let narrow = common::danvan()
        .args(["--as-of", "2025-06-30", "status"])
        .env("COLUMNS", "80")
        .run()
        .stdout;
    assert!(narrow.lines().all(|l| width(l) <= 80), "{narrow}");
    assert!(narrow.contains('…'));
}
