//! Options within a gemeente's plan, and "Vul aan", in the core.

use crate::common::{d, filled_workbook};
use keuzekaart::core::options::{OptionChange, OptionRefusal};
use keuzekaart::core::rules::{self, Severity};
use keuzekaart::core::{Edit, Model, Refusal, Workbook};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn options(model: &mut Model, gemeente: &str, change: OptionChange) -> Result<(), OptionRefusal> {
    model
        .apply(Edit::Options {
            gemeente: gemeente.into(),
            change,
        })
        .map_err(|refusal| match refusal {
            Refusal::Option(option) => option,
            other => panic!("not an option refusal: {other:?}"),
        })
}

fn in_option(option: &str, edit: Edit) -> Edit {
    Edit::InOption {
        option: option.into(),
        edit: Box::new(edit),
    }
}

#[test]
fn an_option_is_copied_changed_on_its_own_and_made_the_proposal() {
    let mut model = Model::new(filled_workbook());
    let proposal = model.workbook().plan("Beuningen").unwrap().choices.clone();
    options(
        &mut model,
        "Beuningen",
        OptionChange::Copy {
            from: "Optie A".into(),
            name: "Optie B".into(),
        },
    )
    .unwrap();
    model
        .apply(in_option(
            "Optie B",
            Edit::MovePeppers {
                gemeente: "Beuningen".into(),
                from: 4,
                to: 5,
                peppers: d("1"),
            },
        ))
        .unwrap();
    let plan = model.workbook().plan("Beuningen").unwrap();
    assert_eq!(plan.choices, proposal, "the proposal is untouched");
    let b = plan.option_choices("Optie B").unwrap();
    assert_eq!(b.iter().find(|c| c.activity == 5).unwrap().peppers, d("1"));
    assert_eq!(plan.option_names(), vec!["Optie A", "Optie B"]);

    // An option keeps to the rules: Beuningen has 3 of its 8 peppers left in B too.
    let refusal = model
        .apply(in_option(
            "Optie B",
            Edit::AddPeppers {
                gemeente: "Beuningen".into(),
                activity: 6,
                peppers: d("4"),
            },
        ))
        .unwrap_err();
    assert_eq!(
        refusal,
        keuzekaart::core::Refusal::NotEnoughLeft {
            gemeente: "Beuningen".into(),
            left: d("3")
        }
    );

    options(
        &mut model,
        "Beuningen",
        OptionChange::Propose {
            name: "Optie B".into(),
        },
    )
    .unwrap();
    let plan = model.workbook().plan("Beuningen").unwrap();
    assert_eq!(plan.proposal, "Optie B");
    assert_eq!(plan.peppers_on(5), d("1"));
    assert_eq!(plan.option_choices("Optie A").unwrap(), proposal.as_slice());
    model.undo();
    assert_eq!(
        model.workbook().plan("Beuningen").unwrap().proposal,
        "Optie A"
    );
}

#[test]
fn names_are_unique_the_proposal_cannot_be_deleted_and_a_new_option_is_empty() {
    let mut model = Model::new(filled_workbook());
    let plan = model.workbook().plan("Heumen").unwrap().clone();
    assert_eq!(plan.next_option_name(), "Optie B");
    options(
        &mut model,
        "Heumen",
        OptionChange::New {
            name: "Optie B".into(),
        },
    )
    .unwrap();
    assert!(
        model
            .workbook()
            .plan("Heumen")
            .unwrap()
            .option_choices("Optie B")
            .unwrap()
            .is_empty()
    );
    let taken = options(
        &mut model,
        "Heumen",
        OptionChange::New {
            name: "Optie B".into(),
        },
    )
    .unwrap_err();
    assert_eq!(taken, OptionRefusal::NameTaken("Optie B".into()));
    let rename = options(
        &mut model,
        "Heumen",
        OptionChange::Rename {
            from: "Optie B".into(),
            to: "Met wijkteams".into(),
        },
    );
    rename.unwrap();
    let proposal = options(
        &mut model,
        "Heumen",
        OptionChange::Delete {
            name: "Optie A".into(),
        },
    )
    .unwrap_err();
    assert_eq!(proposal, OptionRefusal::DeletingProposal("Optie A".into()));
    options(
        &mut model,
        "Heumen",
        OptionChange::Delete {
            name: "Met wijkteams".into(),
        },
    )
    .unwrap();
    assert_eq!(model.workbook().plan("Heumen").unwrap(), &plan);

    // Files without options read as before, and options survive a round trip.
    options(
        &mut model,
        "Heumen",
        OptionChange::Copy {
            from: "Optie A".into(),
            name: "Optie B".into(),
        },
    )
    .unwrap();
    let text = keuzekaart::storage::to_ron(model.workbook());
    assert_eq!(
        &keuzekaart::storage::parse_workbook(&text).unwrap(),
        model.workbook()
    );
    assert!(!keuzekaart::storage::to_ron(&filled_workbook()).contains("proposal"));
}

#[test]
fn fill_spends_in_priority_order_up_to_the_maximum_and_the_budget() {
    let mut model = Model::new(Workbook::bundled());
    // Beuningen: 8 red peppers. Activity 12 has a maximum of 4; 4 then takes the rest.
    model
        .apply(Edit::Fill {
            gemeente: "Beuningen".into(),
            priority: vec![12, 2, 4],
        })
        .unwrap();
    let plan = model.workbook().plan("Beuningen").unwrap();
    assert_eq!(plan.peppers_on(12), d("4"));
    assert_eq!(plan.peppers_on(2), d("4"));
    assert_eq!(plan.peppers_on(4), d("0"));
    assert_eq!(model.undo_label(), Some("Vul aan"));
    assert!(crate::common::findings_besides_unspent(model.workbook()).is_empty());
    model.undo();
    assert!(
        model
            .workbook()
            .plan("Beuningen")
            .unwrap()
            .choices
            .is_empty()
    );
}

fn errors_of(wb: &Workbook, gemeente: &str) -> Vec<keuzekaart::core::Problem> {
    rules::check(wb)
        .into_iter()
        .filter(|f| f.severity == Severity::Error && f.gemeente.as_deref() == Some(gemeente))
        .map(|f| f.problem)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn fill_never_breaks_a_rule_or_spends_more_than_is_left(
        gemeente in 0usize..7,
        halves in 0i64..50,
        start in prop::collection::vec((1u32..14, 1i64..4), 0..5),
        priority in prop::collection::vec(0u32..17, 0..16),
    ) {
        let mut wb = Workbook::bundled();
        let name = wb.region.gemeenten[gemeente].name.clone();
        wb.region.gemeenten[gemeente].peppers = Decimal::from(halves) / Decimal::TWO;
        let mut model = Model::new(wb);
        // A starting draft made of edits the app would accept.
        for (activity, steps) in start {
            let _ = model.apply(Edit::AddPeppers { gemeente: name.clone(), activity, peppers: Decimal::from(steps) });
        }
        let before = model.workbook().clone();
        let g = before.region.gemeente(&name).unwrap().clone();
        let left = before.budget(&g).left;
        let errors_before = errors_of(&before, &name);
        model.apply(Edit::Fill { gemeente: name.clone(), priority }).unwrap();
        let after = model.workbook();
        let spent = after.budget(&g).used - before.budget(&g).used;
        prop_assert!(spent >= Decimal::ZERO);
        prop_assert!(spent <= left.max(Decimal::ZERO), "spent {spent} with {left} left");
        prop_assert!(after.budget(&g).used <= g.peppers || spent.is_zero());
        for error in errors_of(after, &name) {
            prop_assert!(errors_before.contains(&error), "new error: {error}");
        }
    }
}

#[test]
fn this_term_against_the_previous_one_differs_only_where_the_draft_changed() {
    use keuzekaart::core::compare::{Column, Source, compare};
    let old = crate::common::agreed_workbook();
    let mut model = Model::new(keuzekaart::core::next_term::next_term(&old));
    let column = |source| Column {
        gemeente: "Beuningen".into(),
        source,
    };
    let columns = [
        column(Source::Option("Optie A".into())),
        column(Source::PreviousTerm),
    ];
    assert!(compare(model.workbook(), &columns).differing().is_empty());
    model
        .apply(Edit::MovePeppers {
            gemeente: "Beuningen".into(),
            from: 4,
            to: 6,
            peppers: d("1"),
        })
        .unwrap();
    let comparison = compare(model.workbook(), &columns);
    assert_eq!(comparison.differing(), vec![4, 6]);
    assert_eq!(
        comparison.totals[1].title,
        "Beuningen · vorige looptijd 2021–2022"
    );
    assert_eq!(comparison.totals[0].used, comparison.totals[1].used);
}

#[test]
fn two_gemeenten_compared_read_gemeente_werkt_not_the_placeholder() {
    use keuzekaart::core::compare::{Column, Source, compare};
    // Heumen chose activity 7, "[Gemeentenaam] Werkt!"; beside Beuningen the row stands for
    // both, one gemeente's own name for each column, and for the row "Gemeente Werkt!".
    let workbook = filled_workbook();
    let column = |gemeente: &str| Column {
        gemeente: gemeente.into(),
        source: Source::Option("Optie A".into()),
    };
    let comparison = compare(&workbook, &[column("Heumen"), column("Beuningen")]);
    let row = comparison.rows.iter().find(|r| r.activity == 7).unwrap();
    assert_eq!(row.title, "Gemeente Werkt!");
    let alone = compare(&workbook, &[column("Heumen"), column("Heumen")]);
    let row = alone.rows.iter().find(|r| r.activity == 7).unwrap();
    assert_eq!(row.title, "Heumen Werkt!");
}

#[test]
fn the_arrow_keys_step_through_the_options_in_order_and_wrap_round() {
    let mut model = Model::new(filled_workbook());
    for name in ["Optie B", "Optie C"] {
        options(
            &mut model,
            "Heumen",
            OptionChange::New { name: name.into() },
        )
        .unwrap();
    }
    let plan = model.workbook().plan("Heumen").unwrap();
    assert_eq!(plan.option_names(), ["Optie A", "Optie B", "Optie C"]);
    assert_eq!(plan.option_after("Optie A", 1), "Optie B");
    assert_eq!(plan.option_after("Optie C", 1), "Optie A");
    assert_eq!(plan.option_after("Optie A", -1), "Optie C");
    assert_eq!(plan.option_after("Optie B", -4), "Optie A");
    // An option that no longer exists counts as the proposal.
    assert_eq!(plan.option_after("Verwijderd", 1), "Optie B");
}

#[test]
fn the_fill_report_names_what_was_added_per_activity_or_that_nothing_fitted() {
    use keuzekaart::core::diff::FillReport;
    let before = Workbook::bundled();
    let mut model = Model::new(before.clone());
    model
        .apply(Edit::Fill {
            gemeente: "Beuningen".into(),
            priority: vec![12, 2],
        })
        .unwrap();
    let after = model.workbook();
    let report = FillReport::new(
        after,
        "Beuningen",
        &before.plan("Beuningen").unwrap().choices,
        &after.plan("Beuningen").unwrap().choices,
    );
    // Activity 12 takes at most 4 peppers; the other 4 of Beuningen's 8 go to activity 2.
    let added: Vec<_> = report
        .changes
        .iter()
        .map(|c| (c.activity, c.after - c.before))
        .collect();
    assert_eq!(added, [(2, d("4")), (12, d("4"))]);
    assert!(
        report.to_string().starts_with("Vul aan: +4 op 2 "),
        "{report}"
    );
    let nothing = FillReport::new(after, "Beuningen", &[], &[]);
    assert_eq!(
        nothing.to_string(),
        "Vul aan: er paste niets meer bij binnen de regels en het budget."
    );
}
