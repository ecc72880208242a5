using MentorBot.Features.Map;
using MentorBot.Features.Map.File;

namespace MentorBot.Tests.Map;

public sealed class RosterCsvTests
{
    [Fact]
    public void Quoted_fields_commas_and_line_breaks_are_read_with_their_starting_line()
    {
        var records = CsvRecords.Read(new StringReader("id,name\r\na,\"Smith, Jo\"\nb,\"Line\nbreak\"\nc,\"Say \"\"hi\"\"\"\n")).ToList();

        Assert.Equal(4, records.Count);
        Assert.Equal((2, "Smith, Jo"), (records[1].Line, records[1].Fields[1]));
        Assert.Equal((3, "Line\nbreak"), (records[2].Line, records[2].Fields[1]));
        Assert.Equal((5, "Say \"hi\""), (records[3].Line, records[3].Fields[1]));
    }

    [Fact]
    public void A_roster_without_required_columns_says_which_are_missing()
    {
        var (_, _, problems) = RosterCsvReader.Read(new StringReader("id,email\nx,x@example.org\n"));

        Assert.Contains(problems, p => p.Message == "Missing column 'name'.");
        Assert.Contains(problems, p => p.Message == "Missing column 'level'.");
    }

    [Fact]
    public void Roster_problems_are_located_by_csv_line()
    {
        var current = MapValidator.Validate(MapFileReader.ReadJson(MapFixtures.Valid().ToJsonString()).Document!).Map!;
        var csv = "id,name,level,manager,timeZone,teaches\nnew-1,New One,staff,lee,America/Chicago,\nnew-2,New Two,nurse,lee,Moon/Base,flying\n";
        var (people, lines, readProblems) = RosterCsvReader.Read(new StringReader(csv));

        var (map, problems) = RosterMerge.Merge(current, people, lines, endMissing: false);

        Assert.Empty(readProblems);
        Assert.Null(map);
        Assert.Contains(problems, p => p.Location == "line 3, level");
        Assert.Contains(problems, p => p.Location == "line 3, timeZone");
        Assert.Contains(problems, p => p.Location == "line 3, teaches[0]");
        Assert.DoesNotContain(problems, p => p.Location.StartsWith("line 2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_roster_updates_people_and_keeps_the_rest_of_the_map()
    {
        var current = MapValidator.Validate(MapFileReader.ReadJson(MapFixtures.Valid().ToJsonString()).Document!).Map!;
        var csv = "id,name,level,manager,unit\nsam,Samantha Staff,staff,lee,ward-3\nnew-1,New One,staff,lee,ward-3\n";
        var (people, lines, _) = RosterCsvReader.Read(new StringReader(csv));

        var (map, problems) = RosterMerge.Merge(current, people, lines, endMissing: false);

        Assert.Empty(problems);
        Assert.Equal(6, map!.People.Count);
        Assert.Equal("Samantha Staff", map.People.Single(p => p.Id == "sam").Name);
        Assert.Equal(current.Mentorships.Count, map.Mentorships.Count);
    }

    [Fact]
    public void Blank_cells_and_absent_columns_keep_what_the_map_already_says()
    {
        var current = MapValidator.Validate(MapFileReader.ReadJson(MapFixtures.Valid().ToJsonString()).Document!).Map!;
        var (people, lines, _) = RosterCsvReader.Read(new StringReader("id,name,level,timeZone\nsam,Sam Staff,,\n"));

        var (map, problems) = RosterMerge.Merge(current, people, lines, endMissing: false);

        Assert.Empty(problems);
        var sam = map!.People.Single(p => p.Id == "sam");
        Assert.Equal(("00000000-0000-0000-0000-000000000099", "America/New_York", Level.Staff), (sam.AadObjectId, sam.TimeZone, sam.Level));
        Assert.Equal(new TimeOnly(7, 0), sam.WorkingHours.Start);
    }

    [Fact]
    public void With_end_missing_people_off_the_roster_leave_with_their_pairings()
    {
        var current = MapValidator.Validate(MapFileReader.ReadJson(MapFixtures.Valid().ToJsonString()).Document!).Map!;
        var csv = "id,name,level,manager,unit,mentorCapacity,teaches,roles\n" +
                  "dana,Dana Director,director,,ward-3,2,clinical-judgment,\n" +
                  "mo,Mo Manager,manager,dana,ward-3,2,clinical-judgment documentation,admin\n" +
                  "lee,Lee Lead,lead,mo,ward-3,1,clinical-judgment documentation,\n" +
                  "sam,Sam Staff,staff,lee,ward-3,,,\n";
        var (people, lines, _) = RosterCsvReader.Read(new StringReader(csv));

        var (map, problems) = RosterMerge.Merge(current, people, lines, endMissing: true);

        Assert.Empty(problems);
        Assert.DoesNotContain(map!.People, p => p.Id == "pat");
        Assert.DoesNotContain(map.Mentorships, m => m.MentorId == "pat");
        Assert.DoesNotContain(map.Circles.Single().MemberIds, m => m == "pat");
    }
}
