using System.Data.Common;
using System.Text.Json;
using Dapper;
using MentorBot.Persistence;

namespace MentorBot.Features.Reflections;

/// <summary>Mentor notes. Only a note's author may change it, and the SQL itself enforces that.</summary>
internal sealed class MentorNoteStore(Database database, TimeProvider time)
{
    private const string Columns =
        "id AS Id, author_id AS AuthorId, mentee_id AS MenteeId, template_id AS TemplateId, fields_json AS FieldsJson, shared AS Shared, created_at_ms AS CreatedAt, updated_at_ms AS UpdatedAt, revision AS Revision";

    /// <summary>
    /// Inserts the note, or updates it when <paramref name="note"/>'s author wrote it. Null when the id belongs to
    /// someone else's note. Saving the same content again changes nothing (a double click). What a change announces
    /// (<paramref name="followUps"/>) is queued in the saving transaction.
    /// </summary>
    public async Task<NoteSave?> SaveAsync(MentorNote note, CancellationToken cancellationToken, Func<NoteSave, IEnumerable<Outbox.OutboxEntry>>? followUps = null)
    {
        var now = time.GetUtcNow();
        return await database.WriteAsync(async (connection, transaction) =>
        {
            var existing = await ReadAsync(connection, transaction, note.Id, cancellationToken);
            if (existing is not null && existing.AuthorId != note.AuthorId)
            {
                return null;
            }

            if (existing is not null && existing.SameContentAs(note))
            {
                return new NoteSave(existing, existing, false);
            }

            var saved = note with { CreatedAt = existing?.CreatedAt ?? now, UpdatedAt = now, Revision = (existing?.Revision ?? 0) + 1 };
            var rows = await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO mentor_notes (id, author_id, mentee_id, template_id, fields_json, shared, created_at_ms, updated_at_ms, revision)
                VALUES (@Id, @Author, @MenteeId, @TemplateId, @FieldsJson, @Shared, @CreatedAt, @UpdatedAt, @Revision)
                ON CONFLICT (id) DO UPDATE SET mentee_id = excluded.mentee_id, template_id = excluded.template_id, fields_json = excluded.fields_json,
                    shared = excluded.shared, updated_at_ms = excluded.updated_at_ms, revision = excluded.revision
                WHERE mentor_notes.author_id = @Author
                """,
                new
                {
                    saved.Id,
                    Author = saved.AuthorId,
                    saved.MenteeId,
                    saved.TemplateId,
                    FieldsJson = JsonSerializer.Serialize(saved.Answers),
                    Shared = saved.Shared ? 1 : 0,
                    CreatedAt = saved.CreatedAt.ToUnixTimeMilliseconds(),
                    UpdatedAt = saved.UpdatedAt.ToUnixTimeMilliseconds(),
                    saved.Revision,
                },
                transaction,
                cancellationToken: cancellationToken));
            if (rows != 1)
            {
                return null;
            }

            var result = new NoteSave(saved, existing, true);
            await Outbox.OutboxStore.QueueAsync(connection, transaction, followUps?.Invoke(result) ?? [], now, cancellationToken);
            return result;
        }, cancellationToken);
    }

    public async Task<MentorNote?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, id, cancellationToken);
    }

    /// <summary>The author's own notes about one mentee, newest first.</summary>
    public async Task<IReadOnlyList<MentorNote>> ByAuthorAsync(string authorId, string menteeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<NoteRow>(new CommandDefinition(
            $"SELECT {Columns} FROM mentor_notes WHERE author_id = @authorId AND mentee_id = @menteeId ORDER BY created_at_ms DESC, id",
            new { authorId, menteeId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToNote())];
    }

    /// <summary>Notes shared with the mentee, newest first. Private notes never leave this query.</summary>
    public async Task<IReadOnlyList<MentorNote>> SharedWithAsync(string menteeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<NoteRow>(new CommandDefinition(
            $"SELECT {Columns} FROM mentor_notes WHERE mentee_id = @menteeId AND shared = 1 ORDER BY created_at_ms DESC, id",
            new { menteeId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToNote())];
    }

    private static async Task<MentorNote?> ReadAsync(DbConnection connection, DbTransaction? transaction, string id, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<NoteRow>(new CommandDefinition(
            $"SELECT {Columns} FROM mentor_notes WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken)))?.ToNote();

    private sealed class NoteRow
    {
        public string Id { get; set; } = string.Empty;

        public string AuthorId { get; set; } = string.Empty;

        public string MenteeId { get; set; } = string.Empty;

        public string TemplateId { get; set; } = string.Empty;

        public string FieldsJson { get; set; } = "{}";

        public long Shared { get; set; }

        public long CreatedAt { get; set; }

        public long UpdatedAt { get; set; }

        public long Revision { get; set; }

        public MentorNote ToNote() => new(
            Id, AuthorId, MenteeId, TemplateId, JsonSerializer.Deserialize<Dictionary<string, string>>(FieldsJson) ?? [], Shared == 1,
            DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt), DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt), (int)Revision);
    }
}

/// <summary>A save's result: the note as stored, what it was before (null when new), and whether anything changed.</summary>
internal sealed record NoteSave(MentorNote Note, MentorNote? Before, bool Changed);
