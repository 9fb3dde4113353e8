//! `aludel inspect [URL] [--schema S]... [--format sql|json]`: prints a database's schema.

use std::io::Write;

use aludel_introspect::{Options, Pattern, introspect_url};

use crate::settings::{self, Settings};
use crate::{EXIT_OK, Failure};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    Sql,
    Json,
}

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Database URL (postgres:// or postgresql://) [default: --database-url, else
    /// $DATABASE_URL, also from .env].
    url: Option<String>,
    /// Schema to read (repeatable); every non-system schema when omitted.
    #[arg(long = "schema", short = 's')]
    schemas: Vec<String>,
    /// Only tables matching this `schema.table` glob (repeatable).
    #[arg(long)]
    include: Vec<Pattern>,
    /// Skip tables matching this `schema.table` glob (repeatable).
    #[arg(long)]
    exclude: Vec<Pattern>,
    #[arg(long, value_enum, default_value = "sql")]
    format: Format,
}

pub(crate) async fn run(
    args: Args,
    settings: &settings::Args,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    let settings = Settings::resolve(settings)?;
    let url = match &args.url {
        Some(url) => url.as_str(),
        None => settings.url()?,
    };
    let opts = Options {
        schemas: args.schemas,
        include: args.include,
        exclude: args.exclude,
        ..settings.introspect_options()
    };
    let result = introspect_url(url, &opts).await?;
    let text = match args.format {
        Format::Sql => result.schema.to_string(),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&result.schema)
                .map_err(|e| Failure::new(format!("cannot write json: {e}")))?;
            s.push('\n');
            s
        }
    };
    out.write_all(text.as_bytes())
        .map_err(|e| Failure::new(format!("cannot write the output: {e}")))?;
    Ok(EXIT_OK)
}
