//! `check [--database-url URL] [--format text|json]`: the CI gate. Exit 0 when models, migrations
//! (and the database) agree, 1 with a report when they drift, 2 when checking fails.

use aludel_autogen::CheckOptions;

use crate::failure::write_failed;
use crate::project::{self, EnvArgs};
use crate::{EXIT_DRIFT, EXIT_OK, Failure, Io, settings};

#[derive(Debug, Clone, Copy, Default, clap::ValueEnum)]
pub(crate) enum Format {
    #[default]
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The report's form.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Accept several heads (branches not merged yet).
    #[arg(long)]
    allow_heads: bool,
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
    let options = CheckOptions {
        allow_several_heads: args.allow_heads,
    };
    let report = aludel_autogen::check(&r.project, &r.env, &options).await?;
    let text = match args.format {
        Format::Text => report.text(),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&serde_json::json!({
                "agrees": report.agrees(),
                "report": report,
            }))
            .map_err(|e| Failure::new(format!("cannot write the report: {e}")))?;
            s.push('\n');
            s
        }
    };
    io.out.write_all(text.as_bytes()).map_err(write_failed)?;
    Ok(if report.agrees() { EXIT_OK } else { EXIT_DRIFT })
}
