//! Files are written whole or not at all: into a temporary file beside the
//! target, then renamed over it, so an error (or a crash) never leaves half
//! a plan where a plan was. Standard output is "-" or no path.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::errors::CliError;

/// Where output goes.
pub enum Out {
    Stdout,
    File(PathBuf),
}

impl Out {
    /// `None` or "-": standard output.
    pub fn of(path: Option<&Path>) -> Out {
        match path {
            None => Out::Stdout,
            Some(p) if p.as_os_str() == "-" => Out::Stdout,
            Some(p) => Out::File(p.to_path_buf()),
        }
    }

    pub fn put(&self, bytes: &[u8]) -> Result<(), CliError> {
        match self {
            Out::Stdout => {
                let mut out = std::io::stdout().lock();
                out.write_all(bytes).and_then(|()| out.flush()).map_err(|e| CliError::write(Path::new("standard output"), &e))
            }
            Out::File(path) => whole(path, bytes),
        }
    }
}

/// Write `bytes` to `path` through a temporary file beside it, renamed over
/// it at the end. An existing file keeps its permissions.
pub fn whole(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
    let temp = dir.join(format!(".{name}.{}.jsp-planner-tmp", std::process::id()));
    let written = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        if let Ok(meta) = std::fs::metadata(path) {
            std::fs::set_permissions(&temp, meta.permissions())?;
        }
        std::fs::rename(&temp, path)
    })();
    written.map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        CliError::write(path, &e)
    })
}
