//! Writing a report to a file without ever destroying the file that is there.

use std::fs::File;
use std::io;
use std::path::Path;

use super::{Format, ReportError, ReportKind, ReportOptions, render, supported};
use crate::model::Register;

/// Renders a report into the file at `path`, replacing it only when the whole report is written.
///
/// The kind and format are checked before anything is touched. The report is written to a new
/// temporary file in the same directory (so that the rename cannot cross file systems), flushed
/// to disk, and renamed over `path`. On any failure the file at `path` is as it was and the
/// temporary file is removed. A replaced file keeps its permissions.
///
/// # Errors
///
/// [`ReportError::Unsupported`] as [`render`]; [`ReportError::File`] with the OS error when the
/// temporary file cannot be created, written or renamed.
///
/// # Examples
///
/// ```
/// use ropa::report::{render_to_path, Format, ReportKind, ReportOptions};
///
/// let register = ropa::from_path("examples/data/kent-parent-carer-panel.json")?;
/// let dir = std::env::temp_dir().join(format!("ropa-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// let path = dir.join("register.csv");
/// std::fs::write(&path, "kept")?;
/// // A notice is not available as CSV: the file is not touched.
/// let options = ReportOptions::default();
/// assert!(render_to_path(&register, ReportKind::Notice, Format::Csv, &options, &path).is_err());
/// assert_eq!(std::fs::read_to_string(&path)?, "kept");
/// render_to_path(&register, ReportKind::Register, Format::Csv, &options, &path)?;
/// assert!(std::fs::read_to_string(&path)?.starts_with("Activity ID,"));
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render_to_path(
    register: &Register,
    kind: ReportKind,
    format: Format,
    options: &ReportOptions,
    path: impl AsRef<Path>,
) -> Result<(), ReportError> {
    supported(kind, format)?;
    write_atomically(path.as_ref(), |file| {
        match render(register, kind, format, options, file) {
            Ok(()) => Ok(()),
            Err(ReportError::Io(error)) => Err(error),
            Err(other) => Err(io::Error::other(other)),
        }
    })
}

/// Writes through `write` into a temporary file beside `path`, then renames it over `path`
/// (`io::file`); the error names the path.
pub(crate) fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<(), ReportError> {
    crate::io::file::write_atomically(path, write).map_err(|source| ReportError::File {
        path: path.to_owned(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::io::Write;
    use std::path::PathBuf;

    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("ropa-file-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary() {
        let dir = scratch("fail");
        let path = dir.join("report.html");
        fs::write(&path, "old report").unwrap();
        let error = write_atomically(&path, |file| {
            file.write_all(b"half a rep")?;
            Err(io::Error::from_raw_os_error(28)) // ENOSPC
        })
        .unwrap_err();
        assert_eq!(fs::read_to_string(&path).unwrap(), "old report");
        assert_eq!(entries(&dir), ["report.html"]);
        let ReportError::File { source, .. } = &error else {
            panic!("{error:?}")
        };
        assert_eq!(source.raw_os_error(), Some(28));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_successful_write_replaces_the_file_and_keeps_its_permissions() {
        let dir = scratch("ok");
        let path = dir.join("report.md");
        fs::write(&path, "old").unwrap();
        let mut permissions = fs::metadata(&path).unwrap().permissions();
        permissions.set_readonly(true);
        fs::set_permissions(&path, permissions).unwrap();
        write_atomically(&path, |file| file.write_all(b"new")).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert!(fs::metadata(&path).unwrap().permissions().readonly());
        assert_eq!(entries(&dir), ["report.md"]);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_failed_rename_removes_the_temporary() {
        let dir = scratch("rename");
        // A non-empty directory cannot be replaced by a file.
        let path = dir.join("report.md");
        fs::create_dir(&path).unwrap();
        fs::write(path.join("inside"), "kept").unwrap();
        let error = write_atomically(&path, |file| file.write_all(b"new")).unwrap_err();
        assert!(matches!(error, ReportError::File { .. }), "{error:?}");
        assert_eq!(entries(&dir), ["report.md"]);
        assert_eq!(fs::read_to_string(path.join("inside")).unwrap(), "kept");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_missing_directory_is_an_error_naming_the_path() {
        let path = std::env::temp_dir().join("ropa-no-such-dir-13/report.md");
        let error = write_atomically(&path, |_| Ok(())).unwrap_err();
        assert!(error.to_string().contains("ropa-no-such-dir-13"), "{error}");
        let ReportError::File { source, .. } = &error else {
            panic!("{error:?}")
        };
        assert_eq!(source.kind(), io::ErrorKind::NotFound);
    }
}
