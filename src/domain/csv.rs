//! Reading CSV files people make in spreadsheet programs (the Moodle framework export, the
//! trainer's roster): RFC 4180 quoting, a byte-order mark, and the `;` that spreadsheet
//! programs in the Indonesian locale write instead of `,`.

use crate::domain::lang::Text;

/// The rows of `text`, its delimiter (`;`, tab or `,`) read from the first line. An empty file
/// or an unclosed quote is a message for the user.
pub fn read(text: &str) -> Result<Vec<Vec<String>>, Text> {
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(Text::new("Berkas CSV kosong.", "The CSV file is empty."));
    }
    let first_line = text.lines().next().unwrap_or("");
    let count = |c: char| first_line.matches(c).count();
    let delimiter = [';', '\t', ',']
        .into_iter()
        .max_by_key(|c| (count(*c), *c == ','))
        .unwrap_or(',');
    parse(text, delimiter).map_err(|line| {
        Text::new(
            format!("CSV tidak sah: tanda kutip tidak ditutup (baris {line})."),
            format!("Invalid CSV: unclosed quote (line {line})."),
        )
    })
}

/// RFC 4180 CSV: quoted fields may hold delimiters, doubled quotes and line breaks. `Err` gives
/// the line of an unclosed quote.
fn parse(text: &str, delimiter: char) -> Result<Vec<Vec<String>>, usize> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut quote_line = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push(c)
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => {
                quoted = true;
                quote_line = line;
            }
            c if c == delimiter => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                line += 1;
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    if quoted {
        return Err(quote_line);
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_delimiters_and_line_breaks() {
        let rows = parse("a,\"b,c\",\"d \"\"e\"\"\"\r\n\"x\ny\",z\n", ',').unwrap();
        assert_eq!(rows, vec![vec!["a", "b,c", "d \"e\""], vec!["x\ny", "z"]]);
        assert_eq!(parse("a,\"b\n", ','), Err(1));
    }

    #[test]
    fn the_delimiter_is_read_from_the_first_line() {
        assert_eq!(
            read("\u{feff}nip;nama\n1;Siti, S.E.\n").unwrap()[1],
            vec!["1", "Siti, S.E."]
        );
        assert_eq!(read("nip\tnama\n1\tSiti\n").unwrap()[1], vec!["1", "Siti"]);
        assert_eq!(read("nip,nama\n1,Siti\n").unwrap()[1], vec!["1", "Siti"]);
        assert_eq!(read("nip\n1\n").unwrap(), vec![vec!["nip"], vec!["1"]]);
        assert!(read(" \n").is_err());
    }
}
