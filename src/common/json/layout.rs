//! One JSON formatter for both layouts, chosen when writing starts: pretty
//! for exported files people read and diff, compact for storage.

use std::io::{self, Write};

use serde_json::ser::{Formatter, PrettyFormatter};

/// Pretty-prints when it holds a [`PrettyFormatter`]; otherwise writes as
/// serde_json's compact formatter does (the trait's default methods).
pub struct Layout(Option<PrettyFormatter<'static>>);

impl Layout {
    pub fn new(pretty: bool) -> Layout {
        Layout(pretty.then(PrettyFormatter::new))
    }
}

/// The methods `PrettyFormatter` overrides; every other one is shared.
impl Formatter for Layout {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        match &mut self.0 {
            Some(p) => p.begin_array(w),
            None => w.write_all(b"["),
        }
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        match &mut self.0 {
            Some(p) => p.end_array(w),
            None => w.write_all(b"]"),
        }
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        match &mut self.0 {
            Some(p) => p.begin_array_value(w, first),
            None if first => Ok(()),
            None => w.write_all(b","),
        }
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        match &mut self.0 {
            Some(p) => p.end_array_value(w),
            None => Ok(()),
        }
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        match &mut self.0 {
            Some(p) => p.begin_object(w),
            None => w.write_all(b"{"),
        }
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        match &mut self.0 {
            Some(p) => p.end_object(w),
            None => w.write_all(b"}"),
        }
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        match &mut self.0 {
            Some(p) => p.begin_object_key(w, first),
            None if first => Ok(()),
            None => w.write_all(b","),
        }
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        match &mut self.0 {
            Some(p) => p.begin_object_value(w),
            None => w.write_all(b":"),
        }
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        match &mut self.0 {
            Some(p) => p.end_object_value(w),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde::Serialize;

    use super::Layout;

    fn write(value: &serde_json::Value, pretty: bool) -> String {
        let mut out = Vec::new();
        value.serialize(&mut serde_json::Serializer::with_formatter(&mut out, Layout::new(pretty))).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn writes_exactly_what_serde_json_writes() {
        let value = serde_json::json!({"a": [1, [], {}, {"b": [true, null, "x"]}], "c": {"d": 2.5}, "e": []});
        assert_eq!(write(&value, false), serde_json::to_string(&value).unwrap());
        assert_eq!(write(&value, true), serde_json::to_string_pretty(&value).unwrap());
    }
}
