// MentorBot on Azure: user-assigned managed identity (the bot's identity), Azure Bot with the Teams channel,
// Container Apps, PostgreSQL Flexible Server 16, Key Vault (RBAC) and Log Analytics.
// Deploy into an existing resource group:
//   az deployment group create -g <rg> -f infra/main.bicep -p infra/main.parameters.json -p postgresAdminPassword=...
// docs/DEPLOY.md walks through every step; infra/README.md describes every parameter.

targetScope = 'resourceGroup'

// ---------------------------------------------------------------- general

@description('Azure region for every regional resource (the Azure Bot itself is global).')
param location string = resourceGroup().location

@description('Short prefix for the default resource names: 3-12 characters, lowercase letters, digits and hyphens, starting with a letter.')
@minLength(3)
@maxLength(12)
param namePrefix string = 'mentorbot'

@description('Tags applied to every resource.')
param tags object = {
  app: 'mentorbot'
}

// ---------------------------------------------------------------- identity and monitoring

@description('Name of the user-assigned managed identity that is the bot\'s identity (Bot:AppId) and calls Graph.')
param identityName string = '${namePrefix}-id'

@description('Name of the Log Analytics workspace.')
param logAnalyticsWorkspaceName string = '${namePrefix}-logs'

@description('Application Insights resource name (workspace-based, in the Log Analytics workspace above): MentorBot sends its metrics and traces there.')
param applicationInsightsName string = '${namePrefix}-insights'

@description('Days Log Analytics keeps logs (30-730).')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

// ---------------------------------------------------------------- Key Vault

@description('Key Vault name (3-24 characters, globally unique). The default adds a hash of the resource group.')
@minLength(3)
@maxLength(24)
param keyVaultName string = take('${toLower(replace(namePrefix, '-', ''))}kv${uniqueString(resourceGroup().id)}', 24)

@description('Turn on Key Vault purge protection (recommended for production; it can never be turned off again).')
param keyVaultPurgeProtection bool = true

@description('Optional object id of a user or group to grant Key Vault Secrets Officer, so operators can read the connection string for the CLI. Empty grants nobody.')
param operatorPrincipalId string = ''

// ---------------------------------------------------------------- PostgreSQL

@description('PostgreSQL Flexible Server name (3-63 characters, lowercase, globally unique).')
@minLength(3)
@maxLength(63)
param postgresServerName string = toLower('${namePrefix}-pg-${uniqueString(resourceGroup().id)}')

@description('PostgreSQL administrator login (not admin, administrator, root, guest, public, azure_superuser or pg_*).')
param postgresAdminLogin string = 'mentorbotadmin'

@description('PostgreSQL administrator password: 8-128 characters from three of upper case, lower case, digits and symbols. Do not use ; \' or " (it is placed in a connection string).')
@secure()
@minLength(8)
@maxLength(128)
param postgresAdminPassword string

@description('PostgreSQL compute SKU name.')
param postgresSkuName string = 'Standard_B1ms'

@description('PostgreSQL compute tier matching postgresSkuName.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@description('PostgreSQL storage in GiB (32 or more).')
@minValue(32)
param postgresStorageSizeGB int = 32

@description('PostgreSQL backup retention in days (7-35).')
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 7

@description('Add the 0.0.0.0 firewall rule that admits Azure services. Needed for Container Apps without a virtual network; note that it admits every Azure address, not only yours.')
param postgresAllowAzureServices bool = true

@description('IPv4 addresses allowed through the PostgreSQL firewall, for operators running the MentorBot CLI (map import). Each becomes a one-address rule.')
param postgresClientIpAddresses array = []

// ---------------------------------------------------------------- container app

@description('Full image reference of MentorBot, for example mentorbotacr.azurecr.io/mentorbot:1.0.0.')
param containerImage string

@description('Name of an existing Azure Container Registry in this resource group; the identity is granted AcrPull and pulls with it. Empty when containerImage is public.')
param containerRegistryName string = ''

@description('Name of the Container Apps environment.')
param containerAppsEnvironmentName string = '${namePrefix}-env'

@description('Name of the container app (2-32 lowercase letters, digits and hyphens). Part of the default host name.')
@minLength(2)
@maxLength(32)
param containerAppName string = '${toLower(namePrefix)}-app'

@description('vCPU per replica, as a string (0.25, 0.5, 0.75, 1, ...).')
param containerCpu string = '0.5'

@description('Memory per replica; must pair with containerCpu (0.5 vCPU -> 1Gi, 1 vCPU -> 2Gi).')
param containerMemory string = '1Gi'

@description('Most replicas the app scales out to (at least one always runs). More than one is safe on PostgreSQL.')
@minValue(1)
@maxValue(30)
param maxReplicas int = 3

@description('Concurrent HTTP requests per replica that trigger a scale-out.')
@minValue(1)
param concurrentRequestsPerReplica int = 50

@description('Custom host name the bot is reached on (bind it to the app yourself). Empty uses the app\'s default FQDN. Becomes the bot endpoint host and TeamsApp__Domain.')
param publicHostName string = ''

@description('Graph:TeamsAppCatalogId: the Teams app\'s id in the org app catalog, for map sync --install. Empty leaves it unset (set it after uploading the app).')
param teamsAppCatalogId string = ''

@description('Graph:UserFilter: optional OData filter on /users for map sync. Empty leaves it unset.')
param graphUserFilter string = ''

// ---------------------------------------------------------------- Azure Bot

@description('Azure Bot resource name (the bot handle, globally unique).')
@minLength(2)
@maxLength(64)
param botName string = '${namePrefix}-bot-${uniqueString(resourceGroup().id)}'

@description('Display name of the Azure Bot resource.')
param botDisplayName string = 'MentorBot'

@description('Azure Bot pricing tier; Teams is a standard channel, so F0 suffices.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

// ================================================================ resources

var tenantId = tenant().tenantId
var databaseName = 'mentorbot'
var connectionStringSecretName = 'storage-connection-string'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'mentorbot-monitoring'
  params: {
    name: logAnalyticsWorkspaceName
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'mentorbot-postgres'
  params: {
    name: postgresServerName
    location: location
    tags: tags
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    storageSizeGB: postgresStorageSizeGB
    backupRetentionDays: postgresBackupRetentionDays
    databaseName: databaseName
    allowAzureServices: postgresAllowAzureServices
    clientIpAddresses: postgresClientIpAddresses
    workspaceId: monitoring.outputs.id
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'mentorbot-keyvault'
  params: {
    name: keyVaultName
    location: location
    tags: tags
    enablePurgeProtection: keyVaultPurgeProtection
    connectionStringSecretName: connectionStringSecretName
    connectionString: 'Host=${postgres.outputs.fqdn};Port=5432;Database=${postgres.outputs.databaseName};Username=${postgresAdminLogin};Password=${postgresAdminPassword};SSL Mode=Require'
    identityPrincipalId: identity.properties.principalId
    operatorPrincipalId: operatorPrincipalId
    workspaceId: monitoring.outputs.id
  }
}

// Referencing keyVault.outputs makes the app wait for the vault module, role assignment included.
module app 'modules/containerapp.bicep' = {
  name: 'mentorbot-app'
  params: {
    environmentName: containerAppsEnvironmentName
    appName: containerAppName
    location: location
    tags: tags
    workspaceId: monitoring.outputs.id
    identityId: identity.id
    identityClientId: identity.properties.clientId
    identityPrincipalId: identity.properties.principalId
    tenantId: tenantId
    containerImage: containerImage
    containerRegistryName: containerRegistryName
    cpu: containerCpu
    memory: containerMemory
    maxReplicas: maxReplicas
    concurrentRequestsPerReplica: concurrentRequestsPerReplica
    connectionStringSecretUri: keyVault.outputs.connectionStringSecretUri
    publicHostName: publicHostName
    teamsAppCatalogId: teamsAppCatalogId
    graphUserFilter: graphUserFilter
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
  }
}

module bot 'modules/bot.bicep' = {
  name: 'mentorbot-bot'
  params: {
    name: botName
    displayName: botDisplayName
    sku: botSku
    endpoint: 'https://${app.outputs.publicHost}/api/messages'
    identityClientId: identity.properties.clientId
    identityId: identity.id
    tenantId: tenantId
    tags: tags
  }
}

// ================================================================ outputs

@description('The messaging endpoint registered on the Azure Bot.')
output botEndpoint string = bot.outputs.endpoint

@description('Name of the Azure Bot resource.')
output botName string = bot.outputs.name

@description('The container app\'s default FQDN.')
output appFqdn string = app.outputs.fqdn

@description('Host name the bot is reached on (TeamsApp:Domain): publicHostName, or appFqdn when that is empty.')
output publicHost string = app.outputs.publicHost

@description('Name of the container app.')
output containerAppName string = app.outputs.name

@description('Client id of the managed identity: Bot:AppId, Graph:ClientId and the Teams manifest\'s bot id.')
output identityClientId string = identity.properties.clientId

@description('Object id of the managed identity\'s service principal, for Graph app role assignments.')
output identityPrincipalId string = identity.properties.principalId

@description('Name of the Key Vault holding the connection string.')
output keyVaultName string = keyVault.outputs.name

@description('Name of the Key Vault secret holding the PostgreSQL connection string.')
output connectionStringSecretName string = connectionStringSecretName

@description('PostgreSQL server host name.')
output postgresServerFqdn string = postgres.outputs.fqdn

@description('PostgreSQL server name (for az postgres flexible-server commands).')
output postgresServerName string = postgres.outputs.name
