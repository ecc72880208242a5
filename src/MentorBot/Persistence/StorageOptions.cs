using System.ComponentModel.DataAnnotations;

namespace MentorBot.Persistence;

/// <summary>The <c>Storage</c> section: which database holds MentorBot's state and Quartz's schedule.</summary>
internal sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>ADO.NET connection string. The default keeps an embedded SQLite file under <c>./data</c>.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/mentorbot.db";

    /// <summary>How long processed activity ids are remembered for de-duplication.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")]
    public TimeSpan ActivityMemory { get; set; } = TimeSpan.FromDays(2);
}

internal enum StorageProvider
{
    Sqlite,
    Postgres,
}
