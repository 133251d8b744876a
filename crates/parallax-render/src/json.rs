//! The brief as the `parallax/brief/v1` JSON document (see `schema/brief-v1.schema.json`).

use parallax_core::Brief;

/// Renders `brief` as pretty-printed JSON, fields in the order the types declare them, ending
/// with a newline.
pub fn render_json(brief: &Brief) -> String {
    match serde_json::to_string_pretty(brief) {
        Ok(mut json) => {
            json.push('\n');
            json
        }
        // The brief's types hold only strings, numbers, dates and lists, which always serialize;
        // this answer keeps the output valid JSON should that ever change.
        Err(err) => format!(
            "{{\n  \"schema\": {},\n  \"error\": {}\n}}\n",
            serde_json::Value::from(brief.schema.as_str()),
            serde_json::Value::from(err.to_string())
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::brief;

    #[test]
    fn round_trips_through_serde() {
        let brief = brief();
        let json = render_json(&brief);
        let back: Brief = serde_json::from_str(&json).unwrap();
        assert_eq!(back, brief);
    }

    #[test]
    fn fields_keep_the_contract_order() {
        let json = render_json(&brief());
        let keys = [
            "\"schema\"",
            "\"title\"",
            "\"articles\"",
            "\"summary\"",
            "\"quotes\"",
            "\"figures\"",
            "\"exclusives\"",
            "\"timeline\"",
            "\"entities\"",
            "\"diagnostics\"",
        ];
        let at: Vec<usize> = keys
            .iter()
            .map(|k| {
                json.find(&format!("\n  {k}:"))
                    .unwrap_or_else(|| panic!("no top-level {k}"))
            })
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
        assert!(json.starts_with("{\n  \"schema\": \"parallax/brief/v1\","));
        assert!(json.contains("\"published\": \"2025-03-04\""));
        assert!(json.contains("\"published\": null"));
        assert!(json.contains("\"precision\": \"week\""));
    }
}
