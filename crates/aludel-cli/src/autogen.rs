//! `autogen -m MESSAGE [--online] [--allow-drop] [--dev-url URL] [--database-url URL]`: writes the
//! migration that turns the replayed history (or a live database at head) into the models.

use aludel_autogen::{AutogenOptions, Outcome};

use crate::failure::write_failed;
use crate::project::{self, EnvArgs};
use crate::{EXIT_OK, Failure, Io, settings};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// What the migration does; also names the file.
    #[arg(short, long)]
    message: String,
    /// Lock-friendly forms: CONCURRENTLY, NOT VALID + VALIDATE, SET LOCAL lock_timeout.
    #[arg(long)]
    online: bool,
    /// Drop tables that the models no longer declare (otherwise declare them `dropped`).
    #[arg(long)]
    allow_drop: bool,
    #[command(flatten)]
    env: EnvArgs,
}

pub(crate) async fn run(
    args: Args,
    models: &aludel::Schema,
    settings: &settings::Args,
    live_url: Option<String>,
    io: &mut Io<'_>,
) -> Result<u8, Failure> {
    let r = project::resolve(models, settings, &args.env, live_url)?;
    let render = aludel_render::Options::resolve(
        args.online || r.config.online,
        r.config.lock_timeout.clone(),
    );
    let options = AutogenOptions {
        message: args.message,
        online: render.online,
        lock_timeout: render.lock_timeout,
        allow_drop: args.allow_drop,
        unix_seconds: None,
    };
    if io.terminal.stderr {
        let _ = writeln!(io.err, "comparing the models with the migration history...");
    }
    match aludel_autogen::autogen(&r.project, &r.env, &options).await? {
        Outcome::NothingToDo => {
            writeln!(
                io.err,
                "nothing to do: the models match the migration history; no file written"
            )
            .map_err(write_failed)?;
        }
        Outcome::Written {
            files,
            hazards,
            diagnostics,
            online_hints,
        } => {
            for f in &files {
                writeln!(io.out, "wrote {}", f.display()).map_err(write_failed)?;
            }
            for h in &hazards {
                writeln!(io.err, "hazard: {h}").map_err(write_failed)?;
            }
            for h in &online_hints {
                writeln!(io.err, "hint: {h}").map_err(write_failed)?;
            }
            for d in &diagnostics {
                writeln!(io.err, "note: {d}").map_err(write_failed)?;
            }
        }
    }
    Ok(EXIT_OK)
}
