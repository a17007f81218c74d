using Kubemate.Audit;
using Kubemate.Audit.Export;
using Kubemate.Audit.Hashing;
using Kubemate.Audit.Storage;
using Kubemate.Audit.Trust;
using Kubemate.Audit.Validation;
using Microsoft.Extensions.Time.Testing;

namespace Kubemate.Audit.Tests;

/// <summary>The behaviour every audit backend must show; each backend's test class runs all of it.</summary>
public abstract class AuditStoreContract : IAsyncLifetime
{
    protected readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.Zero).AddTicks(1234567));

    private readonly List<IAsyncDisposable> opened = [];

    /// <summary>Opens a store instance on this test's database; several instances stand for several replicas.</summary>
    protected abstract Task<SqlAuditStore> OpenStoreCoreAsync(AuditStoreOptions options);

    /// <summary>Where this test's key and anchors live.</summary>
    protected abstract FileAuditTrust Trust { get; }

    /// <summary>SQL behind the store's back, and the tamper cases, on this test's database.</summary>
    protected abstract AuditTampering Tampering { get; }

    /// <summary>Runs SQL behind the store's back, as someone with database access would.</summary>
    protected abstract Task ExecuteSqlAsync(string sql);

    protected abstract Task<long> ScalarAsync(string sql);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in opened)
        {
            await store.DisposeAsync();
        }
    }

    protected Task<SqlAuditStore> OpenStoreAsync() => OpenStoreAsync(new AuditStoreOptions());

    protected async Task<SqlAuditStore> OpenStoreAsync(AuditStoreOptions options)
    {
        var store = await OpenStoreCoreAsync(options with { Time = Time, Trust = Trust });
        lock (opened)
        {
            opened.Add(store);
        }
        return store;
    }

    private async Task<(SqlAuditStore Store, IReadOnlyList<AuditRecord> Records)> StoreWithFiveRecordsAsync()
    {
        var store = await OpenStoreAsync();
        var records = new List<AuditRecord>();
        foreach (var entry in new[] { AuditEntries.MeshEnable(), AuditEntries.RouteApply(), AuditEntries.DeniedDelete(), AuditEntries.MeshEnable("carol@bank.example", "inventory"), AuditEntries.RouteApply(dryRun: true) })
        {
            records.Add(await store.AppendAsync(entry));
            Time.Advance(TimeSpan.FromMinutes(1));
        }
        return (store, records);
    }

    [Fact]
    public async Task Appends_get_consecutive_sequences_each_linked_to_the_previous_hash()
    {
        var (_, records) = await StoreWithFiveRecordsAsync();

        Assert.Equal([1L, 2, 3, 4, 5], records.Select(r => r.Sequence));
        Assert.Equal(AuditChain.GenesisHash, records[0].PreviousHash);
        for (var i = 1; i < records.Count; i++)
        {
            Assert.Equal(records[i - 1].Hash, records[i].PreviousHash);
        }
        var key = (await Trust.ReadKeyAsync(CancellationToken.None))!;
        Assert.All(records, r => Assert.Equal(AuditHasher.Compute(r, key), r.Hash));
        Assert.All(records, r => Assert.NotEqual(AuditHasher.ComputeUnkeyed(r), r.Hash));
        Assert.Equal(5, records.Select(r => r.Hash).Distinct().Count());
    }

    [Fact]
    public async Task Append_stamps_the_time_provider_time_truncated_to_microseconds()
    {
        var store = await OpenStoreAsync();

        var record = await store.AppendAsync(AuditEntries.MeshEnable());

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.Zero).AddTicks(1234560), record.Timestamp);
    }

    [Fact]
    public async Task A_record_reads_back_exactly_as_appended()
    {
        var store = await OpenStoreAsync();
        var appended = await store.AppendAsync(AuditEntries.RouteApply());

        var read = Assert.Single(await store.QueryAsync(AuditQuery.All));

        Assert.Equal(AuditCanonicalForm.Write(appended), AuditCanonicalForm.Write(read));
        Assert.Equal(appended.Hash, read.Hash);
        Assert.Equal(appended.Objects, read.Objects);
        Assert.Equal(appended.Groups, read.Groups);
        Assert.Equal(appended.Diff, read.Diff);
        Assert.Equal(AuditOutcome.Partial, read.Outcome);
    }

    [Fact]
    public async Task Append_rejects_an_entry_without_user_naming_the_field_and_stores_nothing()
    {
        var store = await OpenStoreAsync();

        var error = await Assert.ThrowsAsync<AuditValidationException>(() => store.AppendAsync(AuditEntries.MeshEnable() with { User = " " }));

        Assert.Contains(error.Errors, e => e.Path == "user" && e.Reason == "is required");
        Assert.Null(await store.HeadAsync());
    }

    [Fact]
    public async Task Query_by_user_returns_only_that_users_records()
    {
        var (store, _) = await StoreWithFiveRecordsAsync();

        var records = await store.QueryAsync(new AuditQuery { User = "bob@bank.example" });

        Assert.Equal([2L, 5], records.Select(r => r.Sequence));
    }

    [Fact]
    public async Task Query_by_namespace_returns_records_that_touched_an_object_there()
    {
        var (store, _) = await StoreWithFiveRecordsAsync();

        Assert.Equal([1L], (await store.QueryAsync(new AuditQuery { Namespace = "orders" })).Select(r => r.Sequence));
        Assert.Equal([3L], (await store.QueryAsync(new AuditQuery { Namespace = "payment" })).Select(r => r.Sequence));
        Assert.Empty(await store.QueryAsync(new AuditQuery { Namespace = "nowhere" }));
    }

    [Fact]
    public async Task Query_by_object_matches_kind_and_name_within_the_namespace()
    {
        var (store, _) = await StoreWithFiveRecordsAsync();

        var byName = await store.QueryAsync(new AuditQuery { Object = new AuditObjectSelector("Namespace", "inventory") });
        var byKind = await store.QueryAsync(new AuditQuery { Object = new AuditObjectSelector("Middleware", null) });
        var wrongNamespace = await store.QueryAsync(new AuditQuery { Namespace = "orders", Object = new AuditObjectSelector("IngressRoute", "shop") });

        Assert.Equal([4L], byName.Select(r => r.Sequence));
        Assert.Equal([2L, 5], byKind.Select(r => r.Sequence));
        Assert.Empty(wrongNamespace);
    }

    [Fact]
    public async Task Query_by_time_range_includes_from_and_excludes_to()
    {
        var (store, records) = await StoreWithFiveRecordsAsync();

        var middle = await store.QueryAsync(new AuditQuery { From = records[1].Timestamp, To = records[3].Timestamp });

        Assert.Equal([2L, 3], middle.Select(r => r.Sequence));
    }

    [Fact]
    public async Task Query_by_cluster_combines_with_other_filters()
    {
        var (store, _) = await StoreWithFiveRecordsAsync();

        Assert.Equal([3L], (await store.QueryAsync(new AuditQuery { Cluster = "prod-us-2" })).Select(r => r.Sequence));
        Assert.Empty(await store.QueryAsync(new AuditQuery { Cluster = "prod-us-2", User = "bob@bank.example" }));
    }

    [Fact]
    public async Task Query_limit_and_descending_give_the_newest_records_first()
    {
        var (store, _) = await StoreWithFiveRecordsAsync();

        var newest = await store.QueryAsync(new AuditQuery { Descending = true, Limit = 2 });
        var oldest = await store.QueryAsync(new AuditQuery { Limit = 2 });

        Assert.Equal([5L, 4], newest.Select(r => r.Sequence));
        Assert.Equal([1L, 2], oldest.Select(r => r.Sequence));
    }

    [Fact]
    public async Task Query_pages_through_more_records_than_one_page()
    {
        var store = await OpenStoreAsync();
        for (var i = 0; i < 620; i++)
        {
            await store.AppendAsync(AuditEntries.DeniedDelete($"user-{i % 3}"));
        }

        var all = await store.QueryAsync(AuditQuery.All);
        var user1 = await store.QueryAsync(new AuditQuery { User = "user-1", Descending = true });

        Assert.Equal(Enumerable.Range(1, 620).Select(i => (long)i), all.Select(r => r.Sequence));
        Assert.Equal(207, user1.Count);
        Assert.Equal(user1.Select(r => r.Sequence).OrderDescending(), user1.Select(r => r.Sequence));
        Assert.True((await store.VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task Query_rejects_a_negative_limit_naming_the_field()
    {
        var store = await OpenStoreAsync();

        var error = await Assert.ThrowsAsync<AuditValidationException>(() => store.QueryAsync(new AuditQuery { Limit = -1 }));

        Assert.Equal("limit", Assert.Single(error.Errors).Path);
    }

    [Fact]
    public async Task Export_writes_one_json_line_per_record_that_verifies_away_from_the_store()
    {
        var (store, records) = await StoreWithFiveRecordsAsync();
        var text = new StringWriter();

        var written = await store.ExportJsonLinesAsync(text, new AuditQuery { User = "bob@bank.example" });

        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, written);
        Assert.Equal(2, lines.Length);
        var parsed = lines.Select(AuditJsonLines.Parse).ToList();
        Assert.Equal([records[1].Hash, records[4].Hash], parsed.Select(r => r.Hash));
        var key = (await Trust.ReadKeyAsync(CancellationToken.None))!;
        Assert.All(parsed, r => Assert.Equal(r.Hash, AuditHasher.Compute(r, key)));
        Assert.Contains("\"outcome\":\"partial\"", lines[0]);
        Assert.Contains("\"timestamp\":\"2026-11-25T09:31:00.123456Z\"", lines[0]);
        Assert.Contains("网关路由", lines[0]);
    }

    [Fact]
    public async Task Verify_accepts_an_untouched_chain_and_reports_its_head()
    {
        var (store, records) = await StoreWithFiveRecordsAsync();

        var report = await store.VerifyAsync();

        Assert.True(report.IsValid, report.FirstBreak?.Message);
        Assert.Equal(5, report.RecordsChecked);
        Assert.Equal(new AuditHead(5, records[4].Hash), report.Head);
    }

    [Fact]
    public async Task Verify_of_an_empty_trail_is_valid_and_has_no_head()
    {
        var store = await OpenStoreAsync();

        var report = await store.VerifyAsync();

        Assert.True(report.IsValid);
        Assert.Equal(0, report.RecordsChecked);
        Assert.Null(await store.HeadAsync());
    }

    [Fact]
    public async Task Verify_detects_a_record_whose_content_was_edited()
    {
        var (store, _) = await StoreWithFiveRecordsAsync();
        await ExecuteSqlAsync("UPDATE audit_records SET user_name = 'someone-else' WHERE seq = 3");

        var report = await store.VerifyAsync();

        Assert.False(report.IsValid);
        Assert.Equal(3, report.FirstBreak!.Sequence);
        Assert.Equal(AuditBreakKind.HashMismatch, report.FirstBreak.Kind);
        Assert.Equal(2, report.RecordsChecked);
    }

    [Fact]
    public async Task Verify_detects_an_edited_object_of_a_change_set()
    {
        var (store, _) = await StoreWithFiveRecordsAsync();
        await ExecuteSqlAsync("UPDATE audit_objects SET status = 'applied' WHERE seq = 2 AND ordinal = 1");

        var report = await store.VerifyAsync();

        Assert.Equal(new AuditChainBreak(2, AuditBreakKind.HashMismatch, report.FirstBreak!.Message), report.FirstBreak);
    }

    [Fact]
    public async Task Verify_detects_a_deleted_record()
    {
        var (store, _) = await StoreWithFiveRecordsAsync();
        await ExecuteSqlAsync("DELETE FROM audit_objects WHERE seq = 3");
        await ExecuteSqlAsync("DELETE FROM audit_records WHERE seq = 3");

        var report = await store.VerifyAsync();

        Assert.Equal(3, report.FirstBreak!.Sequence);
        Assert.Equal(AuditBreakKind.Missing, report.FirstBreak.Kind);
        Assert.Contains("record 3 is missing", report.FirstBreak.Message);
    }

    [Fact]
    public async Task Verify_detects_a_deleted_first_record()
    {
        var (store, _) = await StoreWithFiveRecordsAsync();
        await ExecuteSqlAsync("DELETE FROM audit_objects WHERE seq = 1");
        await ExecuteSqlAsync("DELETE FROM audit_records WHERE seq = 1");

        var report = await store.VerifyAsync();

        Assert.Equal(new AuditChainBreak(1, AuditBreakKind.Missing, report.FirstBreak!.Message), report.FirstBreak);
    }

    [Fact]
    public async Task Verify_detects_a_record_relinked_to_another_predecessor()
    {
        var (store, records) = await StoreWithFiveRecordsAsync();
        await ExecuteSqlAsync($"UPDATE audit_records SET previous_hash = '{records[4].Hash}' WHERE seq = 3");

        var report = await store.VerifyAsync();

        Assert.Equal(new AuditChainBreak(3, AuditBreakKind.PreviousHashMismatch, report.FirstBreak!.Message), report.FirstBreak);
    }

    [Fact]
    public async Task Verify_reports_an_unreadable_record_and_queries_refuse_to_return_it()
    {
        var (store, _) = await StoreWithFiveRecordsAsync();
        await ExecuteSqlAsync("UPDATE audit_records SET outcome = 'maybe' WHERE seq = 2");

        var report = await store.VerifyAsync();
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => store.QueryAsync(AuditQuery.All));

        Assert.Equal(new AuditChainBreak(2, AuditBreakKind.Unreadable, report.FirstBreak!.Message), report.FirstBreak);
        Assert.Contains("audit record 2 is unreadable", error.Message);
    }

    /// <summary>The store is closed cleanly (so its head is anchored), doctored, and verified by a fresh open.</summary>
    protected async Task<AuditVerificationReport> TamperAndVerifyAsync(AuditTamper tamper)
    {
        var store = await OpenStoreCoreAsync(new AuditStoreOptions { Time = Time, Trust = Trust });
        await AuditTampering.SeedAsync(store);
        await store.DisposeAsync();
        await Tampering.ApplyAsync(tamper);
        await using var verifier = await OpenStoreCoreAsync(new AuditStoreOptions { Time = Time, Trust = Trust, VerifyOnly = true });
        return await verifier.VerifyAsync();
    }

    [Theory]
    [InlineData(AuditTamper.TailTruncation)]
    [InlineData(AuditTamper.FullDeletion)]
    [InlineData(AuditTamper.EditAndRehash)]
    [InlineData(AuditTamper.ForgedAppend)]
    [InlineData(AuditTamper.RowEdit)]
    [InlineData(AuditTamper.Reorder)]
    public async Task Each_tamper_case_is_found_as_its_own_kind(AuditTamper tamper)
    {
        var report = await TamperAndVerifyAsync(tamper);

        var (kind, sequence) = AuditTampering.Expected(tamper);
        Assert.False(report.IsValid);
        Assert.Equal((kind, sequence), (report.FirstBreak!.Kind, report.FirstBreak.Sequence));
    }

    [Fact]
    public async Task An_anchor_that_disagrees_with_the_stored_hash_is_reported()
    {
        var (store, records) = await StoreWithFiveRecordsAsync();
        var key = (await Trust.ReadKeyAsync(CancellationToken.None))!;
        await Trust.AppendAnchorLineAsync(AuditAnchor.Sign(key, 2, records[3].Hash, Time.GetUtcNow(), 1).ToLine(), CancellationToken.None);

        var report = await store.VerifyAsync();

        Assert.Equal((AuditBreakKind.AnchorMismatch, 2L), (report.FirstBreak!.Kind, report.FirstBreak.Sequence));
    }

    [Fact]
    public async Task An_edited_anchor_line_is_reported_as_forged()
    {
        var (store, records) = await StoreWithFiveRecordsAsync();
        await Trust.AppendAnchorLineAsync(AuditAnchor.Sign(AuditKey.CreateRandom(), 5, records[4].Hash, Time.GetUtcNow(), 1).ToLine(), CancellationToken.None);

        var report = await store.VerifyAsync();

        Assert.Equal(AuditBreakKind.AnchorForged, report.FirstBreak!.Kind);
        Assert.Contains("not signed with the audit key", report.FirstBreak.Message);
    }

    [Fact]
    public async Task Removed_anchors_are_reported()
    {
        var (store, _) = await StoreWithFiveRecordsAsync();
        File.Delete(Trust.AnchorPath);

        var report = await store.VerifyAsync();

        Assert.Equal(AuditBreakKind.AnchorsMissing, report.FirstBreak!.Kind);
    }

    [Fact]
    public async Task A_missing_key_is_reported_by_verify_and_refused_by_a_writer()
    {
        var (store, _) = await StoreWithFiveRecordsAsync();
        File.Delete(Trust.KeyPath);

        var report = await store.VerifyAsync();
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(OpenStoreAsync);

        Assert.Equal((AuditBreakKind.KeyMissing, 1L), (report.FirstBreak!.Kind, report.FirstBreak.Sequence));
        Assert.Contains("restore the key", refused.Message);
        Assert.False(File.Exists(Trust.KeyPath));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_key_file_others_may_read_is_refused()
    {
        await StoreWithFiveRecordsAsync();
        File.SetUnixFileMode(Trust.KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(OpenStoreAsync);

        Assert.Contains("must be 0600", error.Message);
    }

    [Fact]
    public async Task Anchors_are_signed_after_the_first_record_every_n_records_every_m_minutes_and_at_shutdown()
    {
        var store = await OpenStoreAsync(new AuditStoreOptions { Anchoring = new AuditAnchorPolicy(3, TimeSpan.FromMinutes(5)) });
        async Task<long[]> AnchoredCounts() =>
            (await Trust.ReadAnchorLinesAsync(CancellationToken.None)).Select(line => AuditAnchor.TryParse(line)!.Count).ToArray();

        for (var i = 0; i < 5; i++)
        {
            await store.AppendAsync(AuditEntries.MeshEnable());
        }
        var afterAppends = await AnchoredCounts();
        await store.AppendAsync(AuditEntries.MeshEnable());
        Time.Advance(TimeSpan.FromMinutes(5));
        var afterTimer = await Eventually.Until(AnchoredCounts, counts => counts.Length == 3, "the anchor the five-minute timer signs");
        await store.AppendAsync(AuditEntries.MeshEnable());
        await store.DisposeAsync();

        Assert.Equal([1L, 4], afterAppends.AsEnumerable());
        Assert.Equal([1L, 4, 6], afterTimer.AsEnumerable());
        Assert.Equal([1L, 4, 6, 7], (await AnchoredCounts()).AsEnumerable());
    }

    [Fact]
    public async Task Concurrent_appends_from_several_replicas_keep_one_unbroken_chain()
    {
        var replicas = new List<SqlAuditStore>();
        for (var i = 0; i < 4; i++)
        {
            replicas.Add(await OpenStoreAsync());
        }

        await Task.WhenAll(replicas.SelectMany((store, replica) => Enumerable.Range(0, 3).Select(thread => Task.Run(async () =>
        {
            for (var n = 0; n < 10; n++)
            {
                await store.AppendAsync(AuditEntries.MeshEnable($"replica-{replica}-thread-{thread}"));
            }
        }))));

        var report = await replicas[0].VerifyAsync();
        var all = await replicas[1].QueryAsync(AuditQuery.All);
        Assert.True(report.IsValid, report.FirstBreak?.Message);
        Assert.Equal(120, report.RecordsChecked);
        Assert.Equal(Enumerable.Range(1, 120).Select(i => (long)i), all.Select(r => r.Sequence));
        Assert.Equal(12, all.Select(r => r.User).Distinct().Count());
    }

    [Fact]
    public async Task Opening_twice_applies_each_migration_once_and_keeps_the_records()
    {
        var first = await OpenStoreAsync();
        await first.AppendAsync(AuditEntries.MeshEnable());

        var second = await OpenStoreAsync();

        Assert.Equal(AuditMigrations.All.Select(m => m.Version), first.MigrationsAppliedAtOpen);
        Assert.Empty(second.MigrationsAppliedAtOpen);
        Assert.Equal(AuditMigrations.All.Count, await ScalarAsync($"SELECT COUNT(*) FROM {AuditMigrations.HistoryTable}"));
        Assert.Single(await second.QueryAsync(AuditQuery.All));
    }

    [Fact]
    public async Task Replicas_opening_a_fresh_database_together_apply_each_migration_once()
    {
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(OpenStoreAsync)));

        Assert.Equal(1, stores.Count(s => s.MigrationsAppliedAtOpen.Count > 0));
        Assert.Equal(AuditMigrations.All.Count, await ScalarAsync($"SELECT COUNT(*) FROM {AuditMigrations.HistoryTable}"));
    }

    [Fact]
    public async Task A_database_with_a_newer_schema_is_refused()
    {
        await OpenStoreAsync();
        await ExecuteSqlAsync($"INSERT INTO {AuditMigrations.HistoryTable} (version, description, applied_at_us) VALUES (999, 'from the future', 0)");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(OpenStoreAsync);

        Assert.Contains("999", error.Message);
    }
}
