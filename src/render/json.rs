//! The layout of a bundle's `data.json`: indented like `serde_json`'s pretty
//! printer down to the lists of rows, each row on one line. A register of
//! 70,000 petitions is then 70,000 lines, so a diff of two bundles names
//! the rows that changed, in a third fewer bytes than indenting every field.

use serde_json::ser::Formatter;
use std::io::{self, Write};

/// Containers opened this deep (the top-level object is 1) are written
/// on one line: the rows of `petitions.petitions`, `conclusions.tasks`,
/// `status.overdue` and the like.
const ONE_LINE_FROM: usize = 4;

/// Writes `value` as `data.json` is laid out, and a final newline. Generic
/// over the writer, so that the serializer's many small writes into a
/// `BufWriter` are inlined rather than each a call through `dyn Write`.
pub fn write_rows<W: Write + ?Sized>(w: &mut W, value: &impl serde::Serialize) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *w, RowsPerLine::default());
    value.serialize(&mut ser).map_err(io::Error::other)?;
    w.write_all(b"\n")
}

#[derive(Default)]
struct RowsPerLine {
    depth: usize,
    has_value: bool,
}

impl RowsPerLine {
    fn indented(&self) -> bool {
        self.depth < ONE_LINE_FROM
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        let indented = self.indented();
        self.depth -= 1;
        if self.has_value && indented {
            self.line(w)?;
        }
        w.write_all(bracket)
    }

    /// Before an element or a key: a comma after the first, and in an
    /// indented container a new line at its depth.
    fn element<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        if self.indented() {
            self.line(w)?;
        }
        Ok(())
    }

    /// A new line, indented to the current depth.
    fn line<W: ?Sized + Write>(&self, w: &mut W) -> io::Result<()> {
        w.write_all(b"\n")?;
        for _ in 0..self.depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }
}

impl Formatter for RowsPerLine {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.element(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.element(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(if self.indented() { b": " } else { b":" })
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rows(value: &serde_json::Value) -> String {
        let mut out = Vec::new();
        write_rows(&mut out, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn lists_of_rows_are_a_line_per_row_and_the_rest_is_indented() {
        let value = json!({
            "as_of": "2026-11-30",
            "empty": [],
            "petitions": {
                "count": 2,
                "petitions": [
                    {"id": "a", "outcome": null, "units": ["x", "y"]},
                    {"id": "b", "nested": {"k": {}}, "units": []}
                ]
            }
        });
        let expected = r#"{
  "as_of": "2026-11-30",
  "empty": [],
  "petitions": {
    "count": 2,
    "petitions": [
      {"id":"a","outcome":null,"units":["x","y"]},
      {"id":"b","nested":{"k":{}},"units":[]}
    ]
  }
}
"#;
        assert_eq!(rows(&value), expected);
    }

    #[test]
    fn the_layout_holds_the_same_json() {
        let value = json!({"a": [[1, 2], {"b": [{"c": "d\"e"}]}], "f": {"g": {"h": [true, 1.5]}}});
        let text = rows(&value);
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), value);
    }
}
