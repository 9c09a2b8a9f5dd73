//! Writing a file without ever destroying the file that is there.
//!
//! - A regular file (or no file yet) is replaced atomically: a temporary file beside it, synced,
//!   then renamed over it, keeping its permissions. On failure it is as it was.
//! - A symbolic link is followed: what it points to is written as above, and the link stays a
//!   link. A link that points nowhere is an error, not a new file.
//! - A device, a FIFO or a socket is written through (`/dev/stdout`, a named pipe): it is never
//!   replaced by a regular file.
//! - A directory is an error.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes through `write` to `path` as the module says: atomically for a regular file (or a new
/// one), through the node for a device or FIFO, to the target of a link.
pub(crate) fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    let metadata = match fs::symlink_metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return replace(path, write),
        Err(error) => return Err(error),
    };
    let kind = metadata.file_type();
    if kind.is_symlink() {
        // The link stays; what it points to is written, by the same rules.
        let target = fs::canonicalize(path).map_err(|error| {
            io::Error::new(
                error.kind(),
                format!("the link points to nothing that can be written ({error})"),
            )
        })?;
        return write_atomically(&target, write);
    }
    if kind.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "it is a directory",
        ));
    }
    if kind.is_file() {
        return replace(path, write);
    }
    // A device, a FIFO or a socket: written through, never replaced.
    let mut node = OpenOptions::new().write(true).open(path)?;
    write(&mut node)?;
    node.flush()
}

/// Replaces a regular file (or makes a new one): a temporary file beside it, synced, renamed
/// over it. On failure the temporary file is removed and `path` is untouched.
fn replace(path: &Path, write: impl FnOnce(&mut File) -> io::Result<()>) -> io::Result<()> {
    let (temp, mut file) = create_temporary(path)?;
    let written = (|| {
        if let Ok(metadata) = fs::metadata(path) {
            file.set_permissions(metadata.permissions())?;
        }
        write(&mut file)?;
        file.flush()?;
        // A full disk or a failing device can report only here, before the file is in place.
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, path)
    })();
    written.inspect_err(|_| {
        let _ = fs::remove_file(&temp);
    })
}

/// A new file beside `path`, named after it, that no one else has open.
fn create_temporary(path: &Path) -> io::Result<(PathBuf, File)> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?;
    let mut attempt = 0u32;
    loop {
        let mut temp_name = std::ffi::OsString::from(".");
        temp_name.push(name);
        temp_name.push(format!(".{}.{attempt}.tmp", std::process::id()));
        let temp = dir.join(temp_name);
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
            }
            Err(error) => return Err(error),
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::{FileTypeExt, symlink};
    use std::process::Command;

    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("ropa-io-file-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_fifo_is_written_through_and_stays_a_fifo() {
        let dir = scratch("fifo");
        let fifo = dir.join("out");
        assert!(
            Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
        };
        write_atomically(&fifo, |file| file.write_all(b"report")).unwrap();
        // Checked before joining: were the FIFO replaced, its reader would wait for ever.
        assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
        assert_eq!(reader.join().unwrap(), "report");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_device_is_written_through_and_never_replaced() {
        let dir = scratch("device");
        let (null, full) = (dir.join("null"), dir.join("full"));
        // Making device nodes needs root (as CI is); elsewhere there is nothing to test.
        let made = |path: &Path, minor: &str| {
            Command::new("mknod")
                .arg(path)
                .args(["c", "1", minor])
                .status()
                .is_ok_and(|s| s.success())
        };
        if !(made(&null, "3") && made(&full, "7")) {
            eprintln!("mknod needs root: device nodes not tested");
            return;
        }
        write_atomically(&null, |file| file.write_all(b"report")).unwrap();
        assert!(
            fs::symlink_metadata(&null)
                .unwrap()
                .file_type()
                .is_char_device()
        );
        // A full device says so, and is still the device.
        let error = write_atomically(&full, |file| file.write_all(b"report")).unwrap_err();
        assert_eq!(error.raw_os_error(), Some(28), "{error}");
        assert!(
            fs::symlink_metadata(&full)
                .unwrap()
                .file_type()
                .is_char_device()
        );
        assert_eq!(
            fs::read_dir(&dir).unwrap().count(),
            2,
            "no temporary file left"
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_link_is_followed_and_stays_a_link() {
        let dir = scratch("link");
        let (target, link) = (dir.join("register.json"), dir.join("latest.json"));
        fs::write(&target, "old").unwrap();
        symlink(&target, &link).unwrap();
        write_atomically(&link, |file| file.write_all(b"new")).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        // A link to nothing is an error, and makes nothing.
        let dangling = dir.join("dangling.json");
        symlink(dir.join("missing.json"), &dangling).unwrap();
        assert!(write_atomically(&dangling, |file| file.write_all(b"x")).is_err());
        assert!(!dir.join("missing.json").exists());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_directory_is_refused() {
        let dir = scratch("dir");
        let error = write_atomically(&dir, |file| file.write_all(b"x")).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::IsADirectory);
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 0);
        fs::remove_dir_all(&dir).unwrap();
    }
}
