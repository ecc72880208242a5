using Dapper;
using MentorBot.Persistence;

namespace MentorBot.Features.Digest;

/// <summary>
/// A scope as a common table expression, <c>scope(person_id, unit_id)</c>, that every digest query joins on: the
/// database works out who is in scope (a recursive walk for a reporting line), so a 20,000-person organisation never
/// travels as 20,000 parameters. The same SQL runs on SQLite and PostgreSQL.
/// </summary>
internal static class ScopeSql
{
    public static string With(DigestScope scope, Database database)
    {
        if (scope.Organisation)
        {
            return "WITH scope(person_id, unit_id) AS (SELECT p.id, COALESCE(p.unit_id, '') FROM map_people p WHERE p.active = 1)";
        }

        var conditions = new List<string>();
        if (scope.UnitIds.Count > 0)
        {
            conditions.Add(database.AnyOf("p.unit_id", "scopeUnits"));
        }

        if (scope.ReportingLineOf is not null)
        {
            conditions.Add("p.id IN (SELECT id FROM line)");
        }

        var filter = conditions.Count == 0 ? "1 = 0" : string.Join(" OR ", conditions);
        var line = scope.ReportingLineOf is null
            ? "WITH "
            : """
              WITH RECURSIVE line(id) AS (
                  SELECT id FROM map_people WHERE active = 1 AND manager_id = @scopeLeader AND id <> @scopeLeader
                  UNION
                  SELECT p.id FROM map_people p JOIN line l ON p.manager_id = l.id WHERE p.active = 1 AND p.id <> @scopeLeader),
              """;
        return line + $"scope(person_id, unit_id) AS (SELECT p.id, COALESCE(p.unit_id, '') FROM map_people p WHERE p.active = 1 AND ({filter}))";
    }

    public static DynamicParameters Parameters(DigestScope scope, object? more = null)
    {
        var parameters = new DynamicParameters(more);
        if (!scope.Organisation && scope.UnitIds.Count > 0)
        {
            parameters.Add("scopeUnits", scope.UnitIds.ToArray());
        }

        if (!scope.Organisation && scope.ReportingLineOf is not null)
        {
            parameters.Add("scopeLeader", scope.ReportingLineOf);
        }

        return parameters;
    }
}
