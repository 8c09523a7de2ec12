//! Figures as machines read them (`data.json`, `--format json`): rounded to
//! two decimals, and a whole number without a fraction (`6`, not `6.0`),
//! so a share of 7/9 reads 77.78 rather than 77.77777777777777.
//! `#[serde(serialize_with = "figures::opt")]` (or `figures::one`).

use serde::Serializer;

/// The figure rounded to two decimals; a whole one as an integer.
pub fn one<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    let r = (v * 100.0).round() / 100.0;
    if !r.is_finite() {
        return s.serialize_none();
    }
    if r.fract() == 0.0 && r.abs() < 9.0e15 {
        return s.serialize_i64(r as i64);
    }
    s.serialize_f64(r)
}

/// [`one`] as a JSON value (for rows built as values, `danvan export`).
pub fn value(v: Option<f64>) -> serde_json::Value {
    // A number or null always serializes.
    serde_json::to_value(Rounded(v)).unwrap_or(serde_json::Value::Null)
}

#[derive(serde::Serialize)]
struct Rounded(#[serde(serialize_with = "opt")] Option<f64>);

pub fn opt<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => one(v, s),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    #[derive(serde::Serialize)]
    struct F(#[serde(serialize_with = "super::opt")] Option<f64>);

    #[test]
    fn rounds_to_two_decimals_and_drops_the_fraction_of_whole_numbers() {
        let j = |v| serde_json::to_string(&F(v)).unwrap();
        assert_eq!(j(Some(700.0 / 9.0)), "77.78");
        assert_eq!(j(Some(6.0)), "6");
        assert_eq!(j(Some(0.004)), "0");
        assert_eq!(j(None), "null");
        assert_eq!(j(Some(f64::NAN)), "null");
    }
}
