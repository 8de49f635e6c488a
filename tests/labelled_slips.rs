//! Recall of the whole check on labelled slips (`tests/fixtures/slips-labelled.tsv`, issue #23),
//! and its false alarms on published text (`tests/corpus/`).
//!
//! The labelled set was written before the rules that find its slips: lines of real report text
//! with every slip a proofreader would mark, each with its kind; `dev` lines may be used to tune
//! the rules, `held` lines are only measured. `natural` slips are in the text as published;
//! `seeded` ones were put into real sentences by hand (counted apart); `clean` lines are traps.
//!
//! A slip counts as found when a finding of its kind's rules covers one of its characters. The
//! test prints recall by kind for each part (run with `--nocapture`) and fails below the floors in
//! `FLOORS`, on any error or warning on a clean line, on more than one finding for one unmatched
//! mark, and on false alarms on the published corpus: no error, at most 0.3 warnings per 10,000
//! characters.
use std::collections::BTreeMap;
use std::path::PathBuf;

use gongwen::domain::check::document::check_document_with;
use gongwen::domain::check::{check_text_with, Context, Finding, Severity};
use gongwen::domain::model::text::Span;

const YEAR: i32 = 2026;

/// The rules that find each kind of slip.
fn finds(kind: &str, rule: &str) -> bool {
    match kind {
        "confusable" => rule == "confusable",
        "phrase" => rule == "phrase-typo" || rule.starts_with("formulation-"),
        "duplicate" => rule == "duplicate",
        "ordinal" => rule == "ordinal-sequence",
        "space" => rule == "cjk-space",
        "width" => rule == "mixed-width",
        "range" => rule == "number-range",
        "approx" => rule == "number-approx",
        "unbalanced" => rule == "punct-unbalanced",
        "placeholder" => rule == "placeholder",
        "halfwidth" => rule == "punct-halfwidth",
        "dunhao" => rule == "punct-dunhao-pairs",
        "ellipsis" => rule == "punct-ellipsis" || rule == "punct-doubled",
        "ordinalmark" => rule == "punct-ordinal-mark" || rule == "punct-ordinal-bracket",
        // Slips labelled before any rule family was meant for them (a missing character, two
        // conjunctions, a cut name, a dash of hyphens, a 发文字号 in square brackets): found
        // when any finding covers them, since the clerk is then sent to the place.
        "other" => true,
        _ => false,
    }
}

/// Recall floors by kind, for `dev` and `held` alike (the measured figures are printed). `held2`
/// (natural slips labelled after the rules were written, never used to change them) has one
/// floor over all its slips, `HELD2_FLOOR`: the measured figure, so that it cannot slip back.
const FLOORS: &[(&str, f64)] = &[
    ("confusable", 1.0),
    ("phrase", 1.0),
    ("duplicate", 1.0),
    ("ordinal", 1.0),
    ("space", 1.0),
    ("width", 1.0),
    ("range", 1.0),
    ("approx", 1.0),
    ("unbalanced", 1.0),
    ("placeholder", 1.0),
    ("halfwidth", 1.0),
];

/// The parts of natural slips (as published, labelled before measuring) and each one's floor on
/// recall over all its slips, kinds no rule covers (`other`) included: the figure measured when
/// the floor was set, so that it cannot slip back. `held2`, `held3` and `held4` were never used
/// to change a rule until the third session, which worked from their misses by kind (never their
/// text); `held5` was labelled blind in that session and measured before any rule saw it (9/24),
/// then its misses were used too, so its figure now is no longer blind.
/// Measured (issue #23, second round): held2 5/11, dev3 10/12, held3 15/22, held4 5/16.
/// Third round: held2 6/11, dev3 10/12, held3 15/22, held4 14/16, held5 18/24 (blind: 9/24).
/// Fourth round: `held6` labelled blind from 16 new report passages and measured before any rule
/// saw it: 5/24 (confusable 2/4, duplicate 1/1, ordinalmark 2/2, other 0/17); then its misses and
/// the older sets' `other` misses were used (the `usage` family), so now held2 9/11, dev3 11/12,
/// held3 18/22, held4 14/16, held5 20/24, held6 19/24 (no longer blind); held-out 80/97.
const NATURAL_SPLITS: &[(&str, f64)] =
    &[("held2", 0.81), ("dev3", 0.91), ("held3", 0.81), ("held4", 0.87), ("held5", 0.83), ("held6", 0.79)];

struct Label {
    split: String,
    origin: String,
    line: String,
    /// Each slip with its kind (a line names one kind for all, or one per slip).
    slips: Vec<(String, Span)>,
    /// `none` for a trap, else the line's kinds as written.
    kind: String,
}

fn labels() -> Vec<Label> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/slips-labelled.tsv");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut out = Vec::new();
    for (n, row) in text.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = row.split('\t').collect();
        assert_eq!(cols.len(), 6, "line {} of the labelled set has {} columns", n + 1, cols.len());
        let chars: Vec<char> = cols[3].chars().collect();
        let mut slips = Vec::new();
        let mut from = 0;
        let kinds: Vec<&str> = cols[2].split('|').collect();
        // A trap (kind `none`) has `-` for its slips; a hyphen slip is written `-` too.
        if cols[2] != "none" {
            let written: Vec<&str> = cols[4].split('|').collect();
            assert!(kinds.len() == 1 || kinds.len() == written.len(), "line {}: {} kinds for {} slips", n + 1, kinds.len(), written.len());
            for (k, slip) in written.into_iter().enumerate() {
                let s: Vec<char> = slip.chars().collect();
                let at = (from..=chars.len().saturating_sub(s.len()))
                    .find(|&i| chars[i..i + s.len()] == s[..])
                    .unwrap_or_else(|| panic!("line {}: {slip:?} is not in the text after character {from}", n + 1));
                slips.push((kinds[if kinds.len() == 1 { 0 } else { k }].to_string(), Span::new(at, at + s.len())));
                from = at + s.len();
            }
        }
        out.push(Label { split: cols[0].into(), origin: cols[1].into(), kind: cols[2].into(), line: cols[3].into(), slips });
    }
    out
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

fn serious(f: &Finding) -> bool {
    f.severity != Severity::Hint
}

#[test]
fn labelled_slips_are_found_and_clean_lines_stay_clean() {
    let ctx = Context { current_year: YEAR };
    let labels = labels();
    assert!(labels.len() >= 60, "the labelled set is missing");
    // (split, kind) → (found, all); and natural / seeded apart.
    let mut recall: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
    let mut by_origin: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut problems = Vec::new();
    let mut chars = 0;
    for l in &labels {
        let found = check_text_with(&l.line, &ctx);
        chars += l.line.chars().count();
        for (kind, slip) in &l.slips {
            let slip = *slip;
            let hit = found.iter().any(|f| finds(kind, f.rule) && overlaps(f.span, slip));
            let r = recall.entry((l.split.clone(), kind.clone())).or_default();
            r.0 += usize::from(hit);
            r.1 += 1;
            let o = by_origin.entry(l.origin.clone()).or_default();
            o.0 += usize::from(hit);
            o.1 += 1;
            if !hit {
                let seen: Vec<String> = found.iter().map(|f| format!("{} «{}»", f.rule, f.text)).collect();
                println!("missed {} {kind} slip in {:?}: {seen:?}", l.split, l.line);
            }
        }
        // An error or a warning on a labelled line that no slip explains is a false alarm.
        for f in found.iter().filter(|f| serious(f) && !l.slips.iter().any(|&(_, s)| overlaps(f.span, s))) {
            problems.push(format!("false alarm on {:?}: {} {} «{}»", l.line, f.severity.label(), f.rule, f.text));
        }
        if l.kind == "unbalanced" {
            let marks = found.iter().filter(|f| f.rule.starts_with("punct-")).count();
            if marks != l.slips.len() {
                problems.push(format!("{marks} punctuation findings for {} unmatched marks in {:?}", l.slips.len(), l.line));
            }
        }
    }
    println!("labelled set: {} lines, {chars} characters", labels.len());
    for ((split, kind), (hit, all)) in &recall {
        println!("  {split} {kind}: {hit}/{all} = {:.0}%", 100.0 * *hit as f64 / *all as f64);
    }
    for split in ["dev", "held"] {
        let (hit, all) = recall.iter().filter(|((s, _), _)| s == split).fold((0, 0), |(h, a), (_, (hit, all))| (h + hit, a + all));
        println!("  {split} overall: {hit}/{all} = {:.1}%", 100.0 * hit as f64 / all as f64);
    }
    for (origin, (hit, all)) in &by_origin {
        println!("  {origin} slips: {hit}/{all}");
    }
    // The natural parts: each split whole, then the held-out natural slips (held2 + held3) and all
    // natural slips by kind.
    let natural = |split: &str| NATURAL_SPLITS.iter().any(|&(s, _)| s == split);
    for &(split, floor) in NATURAL_SPLITS {
        let (hit, all) = recall.iter().filter(|((s, _), _)| s == split).fold((0, 0), |(h, a), (_, (hit, all))| (h + hit, a + all));
        println!("  {split} overall: {hit}/{all} = {:.1}%", 100.0 * hit as f64 / all.max(1) as f64);
        if all > 0 && (hit as f64 / all as f64) < floor {
            problems.push(format!("{split}: recall {hit}/{all} below its floor {floor}"));
        }
    }
    for (title, held_only) in
        [("held-out natural (held2, held3, held4, held5, held6)", true), ("all natural (held2, dev3, held3, held4, held5, held6)", false)]
    {
        let mut by_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for ((split, kind), (hit, all)) in recall.iter().filter(|((s, _), _)| natural(s) && (!held_only || s.starts_with("held"))) {
            let k = by_kind.entry(kind).or_default();
            k.0 += hit;
            k.1 += all;
            let _ = split;
        }
        let (hit, all) = by_kind.values().fold((0, 0), |(h, a), (hit, all)| (h + hit, a + all));
        let (khit, kall) = by_kind.iter().filter(|(k, _)| **k != "other").fold((0, 0), |(h, a), (_, (hit, all))| (h + hit, a + all));
        println!(
            "  {title}: {hit}/{all} = {:.1}%; of the kinds a rule family covers: {khit}/{kall} = {:.1}%",
            100.0 * hit as f64 / all as f64,
            100.0 * khit as f64 / kall as f64
        );
        for (kind, (hit, all)) in &by_kind {
            println!("    {kind}: {hit}/{all}");
        }
    }
    for ((split, kind), (hit, all)) in recall.iter().filter(|((s, _), _)| !natural(s)) {
        let floor = FLOORS.iter().find(|(k, _)| k == kind).map_or(1.0, |&(_, f)| f);
        let r = *hit as f64 / *all as f64;
        if r < floor {
            problems.push(format!("{split} {kind}: recall {r:.2} below its floor {floor:.2}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Real slips in the published corpus, found while measuring and checked by hand against the
/// standard: (file, rule, flagged text, why it is a slip). They are counted apart, not as false
/// alarms.
const REAL_SLIPS_IN_CORPUS: &[(&str, &str, &str, &str)] = &[(
    "a-gzbg-2026-hainan.txt",
    "number-range",
    "-",
    "旅游休闲街区2-3家: a range of values joined by a hyphen; GB/T 15834 4.13 wants 2～3家 (the same text writes 1—2个 elsewhere)",
)];

#[test]
fn published_text_has_no_false_error_and_few_false_warnings() {
    let ctx = Context { current_year: YEAR };
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    files.sort();
    let (mut chars, mut errors, mut warnings, mut hints, mut real) = (0usize, Vec::new(), Vec::new(), 0usize, 0usize);
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        chars += text.chars().count();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for f in check_document_with(&text, &ctx) {
            if REAL_SLIPS_IN_CORPUS.iter().any(|&(file, rule, t, _)| file == name && rule == f.finding.rule && t == f.finding.text) {
                real += 1;
                continue;
            }
            let place = format!("{name}:{}: {} «{}» {}", f.line + 1, f.finding.rule, f.finding.text, f.finding.message);
            match f.finding.severity {
                Severity::Error => errors.push(place),
                Severity::Warning => warnings.push(place),
                Severity::Hint => hints += 1,
            }
        }
    }
    let per = |n: usize| n as f64 * 10_000.0 / chars as f64;
    println!(
        "published corpus: {chars} characters; {real} real slips found (REAL_SLIPS_IN_CORPUS); false alarms per 10,000: {:.2} errors, {:.2} warnings ({}), {:.2} hints",
        per(errors.len()),
        per(warnings.len()),
        warnings.len(),
        per(hints)
    );
    for w in &warnings {
        println!("  {w}");
    }
    assert_eq!(real, REAL_SLIPS_IN_CORPUS.len(), "a known real slip of the corpus is no longer found");
    assert!(chars >= 200_000);
    assert!(errors.is_empty(), "false errors on published text:\n{}", errors.join("\n"));
    assert!(per(warnings.len()) <= 0.3, "false warnings on published text:\n{}", warnings.join("\n"));
}
