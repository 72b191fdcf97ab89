//! Writes the annex content (the same data the PDF is made from) as a plain HTML document, for the
//! benchmark that converts it with LibreOffice the way offices make PDFs today.
//!
//! Usage: cargo run --release --example annex_html -- WORKBOOK.ron > annex.html

use keuzekaart::annex::{AnnexOptions, annex_data};

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: annex_html WORKBOOK.ron");
    let workbook =
        keuzekaart::storage::read_workbook(std::path::Path::new(&path)).unwrap_or_else(|e| {
            eprintln!("{e}");
            std::process::exit(2)
        });
    let data = annex_data(&workbook, &AnnexOptions::default());
    let mut html = String::new();
    html.push_str("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">");
    html.push_str(&format!(
        "<title>{}</title></head><body>",
        escape(&data.title)
    ));
    html.push_str(&format!(
        "<h1>Bijlage lokale keuzes</h1><p>{}</p>",
        escape(&data.title)
    ));
    html.push_str(&format!(
        "<p>Artikelen 5 tot en met 11 · looptijd {} · regio {}</p>",
        escape(&data.term),
        escape(&data.region)
    ));
    if data.concept {
        html.push_str("<p><b>CONCEPT</b></p>");
    }
    html.push_str("<h2>Overzicht van de regio</h2><table border=\"1\"><tr><th>Gemeente</th><th>Budget</th><th>Pepers</th><th>Gebruikt</th><th>Status</th></tr>");
    for g in &data.overview.gemeenten {
        html.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&g.name),
            escape(&g.budget),
            escape(&g.peppers),
            escape(&g.used),
            escape(&g.status)
        ));
    }
    html.push_str("</table>");
    for a in &data.articles {
        html.push_str(&format!(
            "<h1 style=\"page-break-before: always\">{}</h1>",
            escape(&a.heading)
        ));
        html.push_str(&format!(
            "<h2>{}</h2><p>{}</p>",
            escape(&a.goal_heading),
            escape(&a.goal)
        ));
        html.push_str(&format!(
            "<h2>{}</h2><p>{}</p>",
            escape(&a.choices_heading),
            escape(&a.sentence)
        ));
        html.push_str("<table border=\"1\"><tr><th>Nr</th><th>Activiteit</th><th>Volume</th><th>Pepers</th><th>Euro</th></tr>");
        for l in &a.lines {
            html.push_str(&format!(
                "<tr><td>{}</td><td>{}<br><small>{}</small></td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&l.number),
                escape(&l.title),
                escape(&l.note),
                escape(&l.volume),
                escape(&l.peppers),
                escape(&l.euros)
            ));
        }
        html.push_str("</table>");
        html.push_str(&format!(
            "<p>Pepers: {}<br>Euro: {}<br>Status: {}</p>",
            escape(&a.totals),
            escape(&a.euros),
            escape(&a.status)
        ));
        html.push_str(&format!(
            "<table border=\"1\"><tr><th></th><th>Gemeente {}</th><th>WerkBedrijf</th></tr>",
            escape(&a.gemeente)
        ));
        for label in ["Plaats", "Datum", "Naam", "Functie", "Handtekening"] {
            html.push_str(&format!(
                "<tr><td>{label}</td><td>&nbsp;</td><td>&nbsp;</td></tr>"
            ));
        }
        html.push_str("</table>");
    }
    html.push_str("</body></html>\n");
    print!("{html}");
}
