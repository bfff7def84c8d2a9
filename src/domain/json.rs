//! Every typed read of JSON goes through here.
//!
//! serde compiles a type's `Deserialize` once per deserializer it is used with, and each copy
//! is large. So text is parsed to a `serde_json::Value` first, and every type is read from such
//! a value by the one deserializer below: one copy of each type's reading code in the app.
//!
//! The deserializer also knows where it is: an error carries the JSON path of the value that
//! failed (`employees[3].data.nip`), which the import shows the user. (`serde_path_to_error`
//! does the same by wrapping another deserializer, at the cost of a second copy of every
//! visitor: about 100 KiB of wasm here.)
//!
//! One difference from serde_json: an array is read as far as its type asks, so a 3-element
//! array where a pair is expected is not refused. No type in Lentera's formats is a tuple or a
//! fixed-size array, and the check made every type's reading code larger (+8 KiB gzip).

use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Unexpected, Visitor};
use serde_json::{Map, Value};

/// A typed read that failed: where, what kind of failure, and serde's (English, technical)
/// reason.
#[derive(Debug)]
pub struct ReadError {
    /// Where in the document; `None` when the text is not JSON at all.
    pub path: Option<Path>,
    pub kind: ErrorKind,
    pub reason: String,
}

/// What went wrong, as a value (callers explain it in the user's language by kind, never by
/// matching serde's English wording).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// A required field is absent (its name).
    MissingField(String),
    /// A value of the wrong JSON type (a number for a string, …).
    InvalidType,
    /// A name that is none of the enum's variants (the name given).
    UnknownVariant(String),
    /// The type's own check refused the value (a date, an id, a NIP…).
    Invalid,
    /// Not JSON at all.
    Syntax,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(p) if !p.0.is_empty() => write!(f, "{p}: {}", self.reason),
            _ => f.write_str(&self.reason),
        }
    }
}

/// A JSON path from the document's root.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Path(Vec<Segment>);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Seq { index: usize },
    Map { key: String },
}

impl Path {
    pub fn iter(&self) -> std::slice::Iter<'_, Segment> {
        self.0.iter()
    }
}

/// `.` for the root, else `a.b[2].c`.
impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str(".");
        }
        for (i, s) in self.0.iter().enumerate() {
            match s {
                Segment::Seq { index } => write!(f, "[{index}]")?,
                Segment::Map { key } if i == 0 => f.write_str(key)?,
                Segment::Map { key } => write!(f, ".{key}")?,
            }
        }
        Ok(())
    }
}

/// Reads a `T` from an already parsed document.
pub fn from_value<T: DeserializeOwned>(v: &Value) -> Result<T, ReadError> {
    T::deserialize(ValueDe(v)).map_err(|mut e| {
        e.rev_path.reverse();
        ReadError {
            path: Some(Path(e.rev_path)),
            kind: e.kind,
            reason: e.reason,
        }
    })
}

/// Parses JSON text into an untyped `Value`: the one place serde_json reads text (typed reads
/// then go through `from_value`, so each type's deserializer is compiled once).
#[allow(clippy::disallowed_methods)]
pub fn parse_value(bytes: &[u8]) -> serde_json::Result<Value> {
    serde_json::from_slice(bytes)
}

/// `value` as an untyped `Value`, by way of its JSON text: the one serializer each type already
/// has (the one that writes the store and the exports) is reused, instead of a second one into
/// `Value` per type (for the record types, tens of KiB of wasm).
#[allow(clippy::disallowed_methods)]
pub fn to_value<T: serde::Serialize + ?Sized>(value: &T) -> Value {
    let text = serde_json::to_string(value).unwrap_or_default();
    parse_value(text.as_bytes()).unwrap_or(Value::Null)
}

/// Parses `text` and reads a `T` from it.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, ReadError> {
    let doc: Value = parse_value(text.as_bytes()).map_err(|e| ReadError {
        path: None,
        kind: ErrorKind::Syntax,
        reason: e.to_string(),
    })?;
    from_value(&doc)
}

/// The error inside the deserializer: the path is collected innermost first, as the error
/// travels out through the containers.
#[derive(Debug)]
pub struct DeError {
    kind: ErrorKind,
    reason: String,
    rev_path: Vec<Segment>,
}

impl DeError {
    fn at(mut self, segment: Segment) -> Self {
        self.rev_path.push(segment);
        self
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for DeError {}

impl DeError {
    fn of(kind: ErrorKind, reason: String) -> Self {
        DeError {
            kind,
            reason,
            rev_path: Vec::new(),
        }
    }
}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError::of(ErrorKind::Invalid, msg.to_string())
    }

    fn invalid_type(unexp: Unexpected, exp: &dyn de::Expected) -> Self {
        DeError::of(ErrorKind::InvalidType, format!("invalid type: {unexp}, expected {exp}"))
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        DeError::of(
            ErrorKind::UnknownVariant(variant.to_string()),
            format!("unknown variant `{variant}`, expected one of {}", expected.join(", ")),
        )
    }

    fn missing_field(field: &'static str) -> Self {
        DeError::of(
            ErrorKind::MissingField(field.to_string()),
            format!("missing field `{field}`"),
        )
    }
}

fn key_segment(key: &str) -> Segment {
    Segment::Map { key: key.to_string() }
}

/// Every numeric entry point reads the number the same way (`deserialize_u64`); the visitor
/// converts it and checks its range.
macro_rules! numbers_as_u64 {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
                self.deserialize_u64(visitor)
            }
        )*
    };
}

struct ValueDe<'a>(&'a Value);

impl ValueDe<'_> {
    /// serde's "invalid type: string \"x\", expected ..." for this value.
    fn invalid(&self, expected: &dyn de::Expected) -> DeError {
        let unexpected = match self.0 {
            Value::Null => Unexpected::Unit,
            Value::Bool(b) => Unexpected::Bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => Unexpected::Unsigned(u),
                (_, Some(i)) => Unexpected::Signed(i),
                _ => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(s) => Unexpected::Str(s),
            Value::Array(_) => Unexpected::Seq,
            Value::Object(_) => Unexpected::Map,
        };
        de::Error::invalid_type(unexpected, expected)
    }
}

impl<'de> de::Deserializer<'de> for ValueDe<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    visitor.visit_u64(u)
                } else if let Some(i) = n.as_i64() {
                    visitor.visit_i64(i)
                } else {
                    visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => visitor.visit_seq(SeqDe {
                items: items.iter(),
                index: 0,
            }),
            Value::Object(map) => visitor.visit_map(MapDe {
                entries: map.iter(),
                value: None,
            }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match self.0 {
            Value::String(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            Value::Object(map) if map.len() == 1 => visitor.visit_enum(EnumDe(map)),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    // The typed entry points call only the visitor method that can succeed. Going through
    // `deserialize_any` would compile every `visit_*` of every visitor into each type's code.

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            Value::Bool(b) => visitor.visit_bool(*b),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    visitor.visit_u64(u)
                } else if let Some(i) = n.as_i64() {
                    visitor.visit_i64(i)
                } else {
                    visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            Value::String(s) => visitor.visit_borrowed_str(s),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            Value::Array(items) => visitor.visit_seq(SeqDe {
                items: items.iter(),
                index: 0,
            }),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            Value::Object(map) => visitor.visit_map(MapDe {
                entries: map.iter(),
                value: None,
            }),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    serde::forward_to_deserialize_any! { bytes byte_buf }

    numbers_as_u64! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_f32 deserialize_f64
    }
}

struct SeqDe<'a> {
    items: std::slice::Iter<'a, Value>,
    index: usize,
}

impl<'de> de::SeqAccess<'de> for SeqDe<'de> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, DeError> {
        let Some(v) = self.items.next() else {
            return Ok(None);
        };
        let index = self.index;
        self.index += 1;
        seed.deserialize(ValueDe(v))
            .map(Some)
            .map_err(|e| e.at(Segment::Seq { index }))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct MapDe<'a> {
    entries: serde_json::map::Iter<'a>,
    value: Option<(&'a str, &'a Value)>,
}

impl<'de> de::MapAccess<'de> for MapDe<'de> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, DeError> {
        let Some((k, v)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some((k, v));
        seed.deserialize(KeyDe(k)).map(Some).map_err(|e| e.at(key_segment(k)))
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, DeError> {
        let (k, v) = self
            .value
            .take()
            .ok_or_else(|| de::Error::custom("value without a key"))?;
        seed.deserialize(ValueDe(v)).map_err(|e| e.at(key_segment(k)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// An object key: a string, or a string-shaped newtype or enum.
struct KeyDe<'a>(&'a str);

impl<'de> de::Deserializer<'de> for KeyDe<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_borrowed_str(self.0)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_enum(self.0.into_deserializer())
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_some(self)
    }

    // A number as a key is written as a string (`{"7": …}`); read it back as serde_json does.
    fn deserialize_u8<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.number(v, |n: u8, v| v.visit_u8(n))
    }
    fn deserialize_u16<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.number(v, |n: u16, v| v.visit_u16(n))
    }
    fn deserialize_u32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.number(v, |n: u32, v| v.visit_u32(n))
    }
    fn deserialize_u64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.number(v, |n: u64, v| v.visit_u64(n))
    }
    fn deserialize_i8<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.number(v, |n: i8, v| v.visit_i8(n))
    }
    fn deserialize_i16<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.number(v, |n: i16, v| v.visit_i16(n))
    }
    fn deserialize_i32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.number(v, |n: i32, v| v.visit_i32(n))
    }
    fn deserialize_i64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.number(v, |n: i64, v| v.visit_i64(n))
    }

    serde::forward_to_deserialize_any! {
        bool i128 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

impl<'de> KeyDe<'de> {
    /// The key read as a number when it is one; otherwise handed on as text, so the visitor
    /// reports the wrong type with the key's path.
    fn number<N: std::str::FromStr, V: Visitor<'de>>(
        self,
        visitor: V,
        visit: impl FnOnce(N, V) -> Result<V::Value, DeError>,
    ) -> Result<V::Value, DeError> {
        match self.0.parse::<N>() {
            Ok(n) => visit(n, visitor),
            Err(_) => visitor.visit_borrowed_str(self.0),
        }
    }
}

/// An externally tagged enum with data: `{"variant": value}`.
struct EnumDe<'a>(&'a Map<String, Value>);

impl<'de> de::EnumAccess<'de> for EnumDe<'de> {
    type Error = DeError;
    type Variant = VariantDe<'de>;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, VariantDe<'de>), DeError> {
        let (k, v) = self
            .0
            .iter()
            .next()
            .ok_or_else(|| de::Error::custom("empty enum object"))?;
        let variant = seed.deserialize(KeyDe(k)).map_err(|e| e.at(key_segment(k)))?;
        Ok((variant, VariantDe(k, v)))
    }
}

struct VariantDe<'a>(&'a str, &'a Value);

impl<'de> de::VariantAccess<'de> for VariantDe<'de> {
    type Error = DeError;

    fn unit_variant(self) -> Result<(), DeError> {
        de::Deserialize::deserialize(ValueDe(self.1)).map_err(|e: DeError| e.at(key_segment(self.0)))
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, DeError> {
        seed.deserialize(ValueDe(self.1)).map_err(|e| e.at(key_segment(self.0)))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, DeError> {
        de::Deserializer::deserialize_any(ValueDe(self.1), visitor).map_err(|e| e.at(key_segment(self.0)))
    }

    fn struct_variant<V: Visitor<'de>>(self, _: &'static [&'static str], visitor: V) -> Result<V::Value, DeError> {
        de::Deserializer::deserialize_any(ValueDe(self.1), visitor).map_err(|e| e.at(key_segment(self.0)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::collections::BTreeMap;

    #[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Colour {
        Red,
        Blue,
    }

    #[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
    struct Name(String);

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "snake_case", tag = "kind")]
    enum Shape {
        Dot,
        Line { length: u32 },
    }

    #[derive(Debug, PartialEq, Deserialize)]
    enum Wrapped {
        Number(u8),
        Pair { a: u8 },
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Doc {
        a: u8,
        #[serde(default)]
        b: Vec<Option<f64>>,
        #[serde(default)]
        by_colour: BTreeMap<Colour, Name>,
        #[serde(default)]
        by_name: BTreeMap<Name, bool>,
        #[serde(default)]
        shapes: Vec<Shape>,
        #[serde(default)]
        wrapped: Vec<Wrapped>,
    }

    #[test]
    #[allow(clippy::disallowed_methods)] // compared with serde_json's own reading
    fn number_keys_read_as_serde_json_reads_them() {
        let doc = serde_json::json!({"7": "a", "12": "b"});
        let ours: BTreeMap<u32, String> = from_value(&doc).unwrap();
        let theirs: BTreeMap<u32, String> = serde_json::from_value(doc.clone()).unwrap();
        assert_eq!(ours, theirs);
        let signed: BTreeMap<i64, String> = from_value(&serde_json::json!({"-3": "c"})).unwrap();
        assert_eq!(signed[&-3], "c");
        // A key that is not a number is the wrong type, reported at that key.
        let e = from_value::<BTreeMap<u32, String>>(&serde_json::json!({"tujuh": "a"})).unwrap_err();
        assert_eq!(e.kind, ErrorKind::InvalidType);
        assert_eq!(e.path.unwrap().to_string(), "tujuh");
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let text = r#"{"a": 1, "b": [1, null, 2.5], "by_colour": {"red": "x"}, "by_name": {"n": true},
            "shapes": [{"kind": "dot"}, {"kind": "line", "length": 3}],
            "wrapped": [{"Number": 4}, {"Pair": {"a": 5}}], "extra": {"ignored": [1]}}"#;
        let ours: Doc = from_str(text).unwrap();
        assert_eq!(ours.b, vec![Some(1.0), None, Some(2.5)]);
        assert_eq!(ours.by_colour[&Colour::Red], Name("x".into()));
        assert!(ours.by_name[&Name("n".into())]);
        assert_eq!(ours.shapes, [Shape::Dot, Shape::Line { length: 3 }]);
        assert_eq!(ours.wrapped, [Wrapped::Number(4), Wrapped::Pair { a: 5 }]);
        let _ = Colour::Blue;
    }

    #[test]
    fn errors_name_their_path() {
        let e = from_str::<Doc>(r#"{"a": 1, "b": [1, "x"]}"#).unwrap_err();
        assert_eq!(e.path.unwrap().to_string(), "b[1]");
        assert!(e.reason.contains("invalid type"), "{}", e.reason);

        let e = from_str::<Doc>(r#"{"a": 1, "by_colour": {"green": "x"}}"#).unwrap_err();
        assert_eq!(e.path.unwrap().to_string(), "by_colour.green");
        assert!(e.reason.contains("unknown variant"), "{}", e.reason);

        let e = from_str::<Doc>(r#"{"a": 300}"#).unwrap_err();
        assert_eq!(e.path.unwrap().to_string(), "a");

        let e = from_str::<Doc>(r#"{"b": []}"#).unwrap_err();
        assert_eq!(e.path.unwrap().to_string(), ".");
        assert!(e.reason.contains("missing field `a`"), "{}", e.reason);

        let e = from_str::<Vec<Doc>>(r#"[{"a": 1}, {"a": 1, "wrapped": [{"Pair": {"a": -1}}]}]"#).unwrap_err();
        assert_eq!(e.path.unwrap().to_string(), "[1].wrapped[0].Pair.a");
    }

    #[test]
    fn syntax_errors_have_no_path() {
        let e = from_str::<Doc>("{").unwrap_err();
        assert!(e.path.is_none());
        assert_eq!(e.to_string(), e.reason);
        assert!(e.reason.contains("EOF"), "{}", e.reason);
    }
}
