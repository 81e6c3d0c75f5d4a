[assembly: AssemblyFixture(typeof(TestDatabases))]
[assembly: AssemblyFixture(typeof(Smile.Ingestion.Tests.SharedBroker))]
