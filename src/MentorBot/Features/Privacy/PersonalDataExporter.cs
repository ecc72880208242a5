using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using MentorBot.Persistence;

namespace MentorBot.Features.Privacy;

/// <summary>What an export wrote: rows per table, every table that can hold the person's data included.</summary>
internal sealed record ExportSummary(IReadOnlyList<(string Table, int Rows)> Tables)
{
    public int Rows => Tables.Sum(t => t.Rows);
}

/// <summary>
/// <c>privacy export</c>: everything MentorBot holds about one person as one JSON document, table by table, read in
/// one consistent snapshot. Times become UTC ISO 8601 strings and stored JSON is embedded as JSON. The document is
/// built in memory and recorded in the audit log before any of it is written out, so no export goes unrecorded.
/// </summary>
internal sealed class PersonalDataExporter(Database database, AuditLog audit, TimeProvider time)
{
    public const string Format = "mentorbot-personal-data/1";

    public async Task<ExportSummary> ExportAsync(
        DataSubject subject, bool withPrivateNotesAboutThem, Stream output, string destination, string actor, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var tables = new List<(string, int)>();
        var parameters = new { id = subject.Id, aad = subject.AadObjectId, audit = Pseudonyms.ForAudit(subject.Label) };
        var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteStartObject("subject");
            json.WriteString("id", subject.Id);
            json.WriteString("name", subject.Name);
            json.WriteString("email", subject.Email);
            json.WriteString("aadObjectId", subject.AadObjectId);
            json.WriteEndObject();
            json.WriteString("exportedAt", Iso(time.GetUtcNow()));
            json.WriteString("exportedBy", actor);
            json.WriteString("about", "Everything MentorBot holds about this person, table by table (see docs/PRIVACY.md). Times are UTC; flags are 1 (yes) or 0 (no). Rows written by someone else about this person (notes, the other person's reviews and calibration answers for a pairing) name their author.");
            json.WriteString("privateNotesAboutThem", withPrivateNotesAboutThem ? "included" : "left out");
            json.WriteStartObject("tables");

            await using var connection = await database.OpenAsync(cancellationToken);
            await using var snapshot = await BeginReadAsync(connection, cancellationToken);
            foreach (var table in PersonalDataCatalog.Tables(database).Where(t => t.Applies(subject)))
            {
                progress?.Report($"Reading {table.Name}…");
                var where = table.Name == "mentor_notes" && !withPrivateNotesAboutThem ? "author_id = @id OR (mentee_id = @id AND shared = 1)" : table.Where;
                var rows = (await connection.QueryAsync(new CommandDefinition(
                    $"SELECT * FROM {table.Name} WHERE {where} ORDER BY {table.OrderBy}", parameters, snapshot, cancellationToken: cancellationToken)))
                    .Cast<IDictionary<string, object?>>().ToList();
                json.WriteStartArray(table.Name);
                foreach (var row in rows)
                {
                    WriteRow(json, row);
                }

                json.WriteEndArray();
                tables.Add((table.Name, rows.Count));
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        var summary = new ExportSummary(tables);
        await audit.RecordAsync(actor, AuditActions.PrivacyExport, subject.Label,
            string.Create(CultureInfo.InvariantCulture, $"{summary.Rows} rows from {tables.Count(t => t.Item2 > 0)} of {tables.Count} tables to {destination}; private notes about them {(withPrivateNotesAboutThem ? "included" : "left out")}"),
            cancellationToken);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
        await output.FlushAsync(cancellationToken);
        return summary;
    }

    private static void WriteRow(Utf8JsonWriter json, IDictionary<string, object?> row)
    {
        json.WriteStartObject();
        foreach (var (column, value) in row)
        {
            if (column.EndsWith("_ms", StringComparison.Ordinal) && value is long ms)
            {
                json.WriteString(column[..^3], Iso(DateTimeOffset.FromUnixTimeMilliseconds(ms)));
            }
            else if (column.EndsWith("_json", StringComparison.Ordinal) && value is string text && TryParse(text) is { } document)
            {
                json.WritePropertyName(column[..^5]);
                document.WriteTo(json);
                document.Dispose();
            }
            else
            {
                json.WritePropertyName(column);
                WriteValue(json, value);
            }
        }

        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                json.WriteNullValue();
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case double d:
                json.WriteNumberValue(d);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static JsonDocument? TryParse(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        database.BeginSnapshotAsync(connection, cancellationToken);
}
