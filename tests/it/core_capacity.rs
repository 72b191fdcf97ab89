//! Capaciteit against a hand calculation.

use crate::common::{d, filled_workbook};
use keuzekaart::core::capacity::{CapacityAssumptions, capacity};

#[test]
fn capacity_of_the_filled_workbook_matches_a_hand_calculation() {
    let assumptions = CapacityAssumptions::bundled();
    assert_eq!(assumptions.location_activities, vec![1, 2, 3, 7, 8]);
    assert_eq!(assumptions.dagdelen_per_fte, d("10"));
    assert_eq!(assumptions.cost_per_fte, d("75000"));
    assert_eq!(assumptions.regional_target, 1100);

    let (rows, region) = capacity(&filled_workbook(), &assumptions);
    let row = |name: &str| rows.iter().find(|r| r.name == name).unwrap();
    // Heumen: activity 1 taken (1 dagdeel/week) + 2 peppers on 7 (3 dagdelen each) = 7 dagdelen
    // = 0,7 fte = 0,7 × € 75.000 = € 52.500.
    let heumen = row("Heumen");
    assert_eq!(
        (heumen.dagdelen, heumen.fte, heumen.cost),
        (d("7"), d("0.7"), d("52500"))
    );
    assert_eq!(
        heumen.bought.get("kandidaten"),
        Some(&d("45")),
        "3 × 15 on activity 13"
    );
    // Berg en Dal: 6 peppers on 2 (1 dagdeel each) = 0,6 fte = € 45.000.
    let berg = row("Berg en Dal");
    assert_eq!(
        (berg.dagdelen, berg.fte, berg.cost),
        (d("6"), d("0.6"), d("45000"))
    );
    // Beuningen buys 30 candidates (3 × 10) and 30 trajecten (2 × 15), no staff on location.
    let beuningen = row("Beuningen");
    assert_eq!(beuningen.dagdelen, d("0"));
    assert_eq!(beuningen.bought.get("kandidaten"), Some(&d("30")));
    assert_eq!(beuningen.bought.get("trajecten"), Some(&d("30")));
    // Nijmegen (green): 5 × 90 on 4 and 7 × 333 on 10 = 450 + 2.331 candidates.
    assert_eq!(row("Nijmegen").bought.get("kandidaten"), Some(&d("2781")));
    // The region: 13 dagdelen = 1,3 fte = € 97.500; 30 + 45 + 2.781 candidates.
    assert_eq!(
        (region.dagdelen, region.fte, region.cost),
        (d("13"), d("1.3"), d("97500"))
    );
    assert_eq!(region.bought.get("kandidaten"), Some(&d("2856")));
    assert_eq!(
        region.bought.get("contacten"),
        Some(&d("80")),
        "Wijchen: 4 × 20"
    );
    assert_eq!(region.bought.get("events"), Some(&d("1")), "Druten");
    assert!(
        region.bought_text().contains("1 event,"),
        "{}",
        region.bought_text()
    );
}
