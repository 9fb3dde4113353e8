//! What the autogen integration tests share: the environment (the test server as dev URL),
//! autogen options at a fixed time, and reading what a run wrote.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use aludel_autogen::{AutogenOptions, Environment, Outcome};

pub fn env() -> Environment {
    Environment {
        dev_url: Some(aludel_pg::testing::server().url().to_owned()),
        ..Environment::default()
    }
}

pub fn opts(message: &str, at: u64) -> AutogenOptions {
    AutogenOptions {
        message: message.to_owned(),
        unix_seconds: Some(at),
        ..AutogenOptions::default()
    }
}

/// The files of `dir`, sorted (none when it does not exist).
pub fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// The files a run wrote; panics when it found nothing to do.
pub fn written(outcome: Outcome) -> Vec<PathBuf> {
    match outcome {
        Outcome::Written { files, .. } => files,
        Outcome::NothingToDo => panic!("expected a migration, autogen found nothing to do"),
    }
}

/// A migration file from its upgrade marker on (the header holds the revision's timestamp).
pub fn upgrade_section(p: &Path) -> String {
    let text = std::fs::read_to_string(p).unwrap();
    let start = text.find("-- aludel: upgrade").expect("an upgrade section");
    text[start..].to_owned()
}
