using Kinerja.Data;

namespace Kinerja.Web.Tests;

public sealed class PostgresDefaultsTests
{
    [Fact]
    public void Prepared_statements_and_no_reset_are_added_unless_the_connection_string_sets_them()
    {
        var added = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseSetup.WithPostgresDefaults("Host=db;Database=kinerja"));
        Assert.Equal(50, added.MaxAutoPrepare);
        Assert.True(added.NoResetOnClose);
        Assert.Equal("db", added.Host);
        var kept = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseSetup.WithPostgresDefaults("Host=db;Max Auto Prepare=0;No Reset On Close=false"));
        Assert.Equal(0, kept.MaxAutoPrepare);
        Assert.False(kept.NoResetOnClose);
    }
}
