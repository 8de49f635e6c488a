//! A browser (or driver) process that cannot outlive its test: it runs in a process group of its
//! own, and dropping the guard — at the test's end, or while a failed assertion unwinds — kills
//! that whole group (the browser's renderer, GPU and network processes, xvfb-run's X server…)
//! and every descendant that left the group, then reaps the leader.
use std::process::{Child, Command, Stdio};

pub struct Group {
    child: Child,
    what: String,
}

impl Group {
    /// Start `cmd` in a new process group. Its output goes to `log` (a file in the test's temp
    /// folder), to read back when something goes wrong.
    pub fn spawn(mut cmd: Command, what: &str, log: &std::path::Path) -> Group {
        use std::os::unix::process::CommandExt;
        // Orphans of the browser (a renderer whose parent was killed first) come to this
        // process rather than to init, so that Drop can reap them: no zombie is left either.
        // SAFETY: PR_SET_CHILD_SUBREAPER only changes who inherits this process's orphans.
        unsafe {
            libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1);
        }
        let out = std::fs::File::create(log).expect("a log file");
        let err = out.try_clone().expect("a log file");
        cmd.process_group(0).stdin(Stdio::null()).stdout(out).stderr(err);
        let child = cmd.spawn().unwrap_or_else(|e| panic!("{what} does not start: {e} (scripts/test.sh installs it)"));
        Group { child, what: what.to_string() }
    }

    /// The leader's process id (also the group's id).
    pub fn id(&self) -> u32 {
        self.child.id()
    }

    /// Whether the leader has exited (then the browser is gone: say so rather than wait).
    pub fn exited(&mut self) -> Option<String> {
        match self.child.try_wait() {
            Ok(Some(status)) => Some(format!("{} exited: {status}", self.what)),
            _ => None,
        }
    }
}

impl Drop for Group {
    fn drop(&mut self) {
        let leader = self.child.id() as libc::pid_t;
        let strays = descendants(self.child.id());
        // SAFETY: kill/killpg only send signals, to the group made by process_group(0) and to
        // processes that descend from its leader. SIGKILL: there is nothing to save.
        unsafe {
            libc::killpg(leader, libc::SIGKILL);
            for &pid in &strays {
                libc::kill(pid as libc::pid_t, libc::SIGKILL);
            }
        }
        let _ = self.child.wait();
        // Reap the killed descendants, which this process inherits as their parents die (see
        // spawn). Only these pids are waited for: no other child of the test is touched.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        let mut left = strays;
        while !left.is_empty() && std::time::Instant::now() < deadline {
            left.retain(|&pid| {
                // SAFETY: waitpid on one pid, without blocking.
                let r = unsafe { libc::waitpid(pid as libc::pid_t, std::ptr::null_mut(), libc::WNOHANG) };
                r == 0 || (r < 0 && std::path::Path::new(&format!("/proc/{pid}")).exists())
            });
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }
}

/// (pid, parent pid, state) of every process, from /proc.
fn processes() -> Vec<(u32, u32, char)> {
    let Ok(dir) = std::fs::read_dir("/proc") else { return Vec::new() };
    dir.filter_map(|e| {
        let pid: u32 = e.ok()?.file_name().to_str()?.parse().ok()?;
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        // "pid (comm) state ppid …": comm may hold spaces and parentheses; it ends at the last ')'.
        let mut rest = stat[stat.rfind(')')? + 1..].split_whitespace();
        let state = rest.next()?.chars().next()?;
        let ppid = rest.next()?.parse().ok()?;
        Some((pid, ppid, state))
    })
    .collect()
}

/// Every living (not zombie) process below `root`, at any depth.
pub fn descendants(root: u32) -> Vec<u32> {
    let all = processes();
    let mut found = vec![root];
    let mut i = 0;
    while i < found.len() {
        let parent = found[i];
        found.extend(all.iter().filter(|(_, ppid, state)| *ppid == parent && *state != 'Z').map(|(pid, _, _)| *pid));
        i += 1;
    }
    found.remove(0);
    found
}

/// Which of `pids` are still alive (not zombies).
pub fn alive(pids: &[u32]) -> Vec<u32> {
    processes().into_iter().filter(|(pid, _, state)| pids.contains(pid) && *state != 'Z').map(|(pid, _, _)| pid).collect()
}
