// Key Vault in RBAC mode holding the PostgreSQL connection string. The bot's identity may read secrets
// ('Key Vault Secrets User'); an optional operator may also manage them ('Key Vault Secrets Officer').

@description('Vault name: 3-24 letters, digits and hyphens, starting with a letter, globally unique.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to the vault.')
param tags object

@description('Turn on purge protection. It cannot be turned off again once on.')
param enablePurgeProtection bool

@description('Name of the secret that holds the connection string.')
param connectionStringSecretName string

@description('The PostgreSQL connection string (ADO.NET / Npgsql format).')
@secure()
param connectionString string

@description('Principal id (object id) of the bot\'s user-assigned managed identity.')
param identityPrincipalId string

@description('Optional principal id of a person or group to grant Key Vault Secrets Officer; empty grants nobody.')
param operatorPrincipalId string

@description('Resource id of the Log Analytics workspace for diagnostic settings.')
param workspaceId string

// Built-in role definition ids.
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // null leaves the setting alone: purge protection cannot be switched off, only on.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource connectionStringSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: connectionStringSecretName
  properties: {
    value: connectionString
    contentType: 'Npgsql connection string'
  }
}

resource identitySecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identityPrincipalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource operatorSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(vault.id, operatorPrincipalId, keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficer)
    principalId: operatorPrincipalId
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: vault
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AuditEvent'
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

output name string = vault.name
output uri string = vault.properties.vaultUri
// Versionless URI: Container Apps picks up a new secret version without a redeployment.
output connectionStringSecretUri string = connectionStringSecret.properties.secretUri
