//! A bounded-time fuzzer for the import path (run by `scripts/fuzz.sh`; the
//! test is ignored in a plain `cargo test`).
//!
//! It starts from a real exported plan and mutates it the ways hostile or
//! damaged files differ from good ones: flipped and inserted bytes, cuts,
//! repeated chunks, deep nesting, duplicated keys, values of the wrong type,
//! huge numbers and strings, other text encodings (UTF-16, Windows-1252).
//! Every input must give `Ok` with a valid plan that exports and imports back
//! unchanged, or a clear error in whole sentences; never a panic.
//! The seed is printed, so a failure replays with `FUZZ_SEED`.
//!
//! A binary of its own, not a module of `tests/plan`: `scripts/fuzz.sh`
//! builds it in release mode, and building the whole plan suite so took the
//! test command about 23 s more.

mod common;

use std::time::{Duration, Instant};

use jsp_planner::common::json::Envelope;
use jsp_planner::plan::file::{self, ImportError};
use jsp_planner::plan::rules::validate;
use serde_json::Value;

/// xorshift64*: small, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const NASTY_VALUES: &[&str] = &[
    "null",
    "true",
    "-1",
    "0",
    "256",
    "1e400",
    "-0.0",
    "18446744073709551616",
    "\"\"",
    "[]",
    "{}",
    "\"<img src=x onerror=alert(1)>\"",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "[[[[[[[[]]]]]]]]",
    "{\"a\":1,\"a\":2}",
];

/// Replace a random value somewhere in the JSON tree with a nasty one.
fn retype(v: &mut Value, rng: &mut Rng, depth: usize) {
    let descend = depth > 0 && rng.below(4) != 0;
    match v {
        Value::Object(m) if descend && !m.is_empty() => {
            let key = m.keys().nth(rng.below(m.len())).cloned().unwrap();
            retype(m.get_mut(&key).unwrap(), rng, depth - 1);
        }
        Value::Array(a) if descend && !a.is_empty() => {
            let i = rng.below(a.len());
            retype(&mut a[i], rng, depth - 1);
        }
        _ => {
            let nasty = NASTY_VALUES[rng.below(NASTY_VALUES.len())];
            *v = serde_json::from_str(nasty).unwrap_or(Value::Null);
        }
    }
}

fn mutate(seed_text: &str, seed_value: &Value, rng: &mut Rng) -> Vec<u8> {
    let mut bytes = seed_text.as_bytes().to_vec();
    match rng.below(11) {
        0 => {
            for _ in 0..=rng.below(8) {
                let i = rng.below(bytes.len());
                bytes[i] ^= 1 << rng.below(8);
            }
        }
        1 => bytes.truncate(rng.below(bytes.len())),
        2 => {
            let (a, b) = (rng.below(bytes.len()), rng.below(bytes.len()));
            let chunk = bytes[a.min(b)..a.max(b)].to_vec();
            let at = rng.below(bytes.len());
            bytes.splice(at..at, chunk);
        }
        3 => {
            let depth = 1 + rng.below(100_000);
            let at = rng.below(bytes.len());
            bytes.splice(at..at, "[".repeat(depth).into_bytes());
        }
        4 => {
            // A duplicated key: repeat one "key": inside its object.
            let text = String::from_utf8_lossy(&bytes).into_owned();
            if let Some(pos) = text.match_indices("\": ").nth(rng.below(200)).map(|(p, _)| p) {
                let start = text[..pos].rfind('"').unwrap_or(0);
                let dup = format!("{}\": null, ", &text[start..pos]);
                bytes = format!("{}{}{}", &text[..start], dup, &text[start..]).into_bytes();
            }
        }
        5 | 6 => {
            let mut v = seed_value.clone();
            for _ in 0..=rng.below(3) {
                retype(&mut v, rng, 6);
            }
            bytes = v.to_string().into_bytes();
        }
        9 => {
            // The file in UTF-16, with or without a byte-order mark, maybe cut.
            let big_endian = rng.below(2) == 0;
            let bom = rng.below(2) == 0;
            let mut out = Vec::new();
            for unit in std::iter::once(0xfeff).filter(|_| bom).chain(seed_text.encode_utf16()) {
                out.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
            }
            if rng.below(3) == 0 {
                out.truncate(rng.below(out.len()));
            }
            bytes = out;
        }
        10 => {
            // Latin-1 range characters as single bytes (Windows-1252), and a high byte somewhere.
            let text: String = seed_text.replace("Infusion", "Pompe à perfusion €");
            bytes = text
                .chars()
                .map(|c| {
                    if c == '€' {
                        0x80
                    } else if u32::from(c) < 0x100 {
                        u32::from(c) as u8
                    } else {
                        b'?'
                    }
                })
                .collect();
            let at = rng.below(bytes.len());
            bytes[at] = 0x80 + rng.below(0x80) as u8;
        }
        7 => {
            let at = rng.below(bytes.len());
            let junk: Vec<u8> = (0..rng.below(64)).map(|_| rng.next() as u8).collect();
            bytes.splice(at..at, junk);
        }
        _ => {
            // Huge but under the size limit: a long string value.
            let mut v = seed_value.clone();
            v["plan"]["name"] = Value::String("x".repeat(rng.below(file::MAX_FILE_BYTES - 200_000)));
            bytes = v.to_string().into_bytes();
        }
    }
    bytes
}

fn check(bytes: &[u8]) {
    match file::import(bytes) {
        Ok(imported) => {
            assert_eq!(validate(&imported.plan), vec![], "an accepted plan keeps the invariants");
            let again = file::import(file::export_compact(&imported.plan).as_bytes()).expect("re-import");
            assert_eq!(again.plan, imported.plan, "an accepted plan round-trips");
        }
        Err(e) => {
            let message = e.to_string();
            assert!(message.len() > 10 && message.len() < 2_000, "a short, clear message: {message:?}");
            assert!(message.ends_with('.'), "whole sentences: {message:?}");
            assert!(!message.contains(" at line ") && !message.contains("expected one of"), "plain words: {message:?}");
            if let ImportError::File(envelope @ Envelope::Shape { .. }) = &e {
                assert!(envelope.shape_path().is_some_and(|p| !p.is_empty()), "shape errors say where");
                assert!(e.detail().is_some(), "shape errors keep the detail");
            }
        }
    }
}

#[test]
#[ignore = "long-running: scripts/fuzz.sh runs it for a bounded time"]
fn fuzz_import_for_a_bounded_time() {
    let seconds: u64 = std::env::var("FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(30);
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1);
    println!("fuzzing import for {seconds} s with FUZZ_SEED={seed}");
    let plan = common::sample_plan();
    let seed_text = file::export_for_file(&plan);
    let seed_value: Value = serde_json::from_str(&seed_text).unwrap();
    let mut rng = Rng(seed);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let (mut runs, mut accepted) = (0u64, 0u64);
    while Instant::now() < deadline {
        let input = mutate(&seed_text, &seed_value, &mut rng);
        check(&input);
        accepted += u64::from(file::import(&input).is_ok());
        runs += 1;
    }
    println!("{runs} inputs, {accepted} accepted, no panic");
    assert!(runs > 100, "the fuzzer ran ({runs} inputs)");
}
