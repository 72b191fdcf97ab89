//! Dutch wording shared by messages: enumerations read "Beuningen, Druten en Heumen".

/// Joins items the Dutch way: "A", "A en B", "A, B en C".
pub fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} en {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn enumerations_end_with_en() {
        let s = |v: &[&str]| super::list(&v.iter().map(|x| x.to_string()).collect::<Vec<_>>());
        assert_eq!(s(&[]), "");
        assert_eq!(s(&["Heumen"]), "Heumen");
        assert_eq!(
            s(&["Beuningen", "Druten", "Heumen"]),
            "Beuningen, Druten en Heumen"
        );
    }
}
