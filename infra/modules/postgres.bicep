// Azure Database for PostgreSQL Flexible Server 16 with the 'mentorbot' database.
//
// Network: this module uses public access with firewall rules. 'AllowAllAzureServicesAndResourcesWithinAzureIps'
// (0.0.0.0) lets the Container Apps environment in (its outbound addresses are not fixed), but it admits any Azure
// address, not only this subscription's. For private access instead, deploy the server with a delegated subnet
// (properties.network.delegatedSubnetResourceId + privateDnsZoneArmResourceId) and put the Container Apps
// environment in the same virtual network; that is not built here.

@description('Server name: 3-63 lowercase letters, digits and hyphens, globally unique.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to the server.')
param tags object

@description('Administrator login name.')
param administratorLogin string

@description('Administrator password.')
@secure()
param administratorLoginPassword string

@description('Compute SKU name, for example Standard_B1ms or Standard_D2ds_v5.')
param skuName string

@description('Compute tier matching skuName.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param skuTier string

@description('Storage size in GiB.')
param storageSizeGB int

@description('Backup retention in days (7-35).')
@minValue(7)
@maxValue(35)
param backupRetentionDays int

@description('Name of the database MentorBot uses.')
param databaseName string

@description('Add the 0.0.0.0 rule that admits Azure services (needed for Container Apps without a VNet).')
param allowAzureServices bool

@description('Single IPv4 addresses allowed to connect (operators running the MentorBot CLI).')
param clientIpAddresses array

@description('Resource id of the Log Analytics workspace for diagnostic settings.')
param workspaceId string

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: '16'
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorLoginPassword
    authConfig: {
      activeDirectoryAuth: 'Disabled'
      passwordAuth: 'Enabled'
    }
    storage: {
      storageSizeGB: storageSizeGB
    }
    backup: {
      backupRetentionDays: backupRetentionDays
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// The server accepts one change at a time, so the rules are created after the database and one by one.
resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = if (allowAzureServices) {
  parent: server
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
  dependsOn: [
    database
  ]
}

@batchSize(1)
resource clientRules 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = [for (ip, i) in clientIpAddresses: {
  parent: server
  name: 'client-${i}'
  properties: {
    startIpAddress: ip
    endIpAddress: ip
  }
  dependsOn: [
    database
    allowAzure
  ]
}]

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: server
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'PostgreSQLLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

output name string = server.name
output fqdn string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
