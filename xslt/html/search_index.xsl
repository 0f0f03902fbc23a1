<?xml version="1.0" encoding="UTF-8"?>
<!--
  The search index of the web edition, from the same tt:corpus as site.xsl: a JSON object of
  documents, persons and turns, written as one JavaScript statement so that the search page
  can load it from file:// too (browsers refuse to fetch JSON there).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="urn:tei-transcripts"
    xmlns:j="http://www.w3.org/2005/xpath-functions"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>
  <xsl:include href="../common/corpus.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:variable name="index">
      <j:map>
        <j:array key="docs">
          <xsl:for-each select="$docs">
            <j:map>
              <j:string key="page"><xsl:value-of select="@page"/></j:string>
              <j:string key="title"><xsl:value-of select="tt:title(*)"/></j:string>
              <j:string key="date"><xsl:value-of select="tt:iso-date(*)"/></j:string>
            </j:map>
          </xsl:for-each>
        </j:array>
        <j:array key="persons">
          <xsl:variable name="corpus" select="/"/>
          <xsl:for-each select="tt:persons-in-corpus(/)[exists(key('tt:speaks', ., $corpus))]">
            <j:array>
              <j:string><xsl:value-of select="."/></j:string>
              <j:string><xsl:value-of select="tt:display-name(., $corpus)"/></j:string>
            </j:array>
          </xsl:for-each>
        </j:array>
        <!-- Each turn: [document number, turn id, speaker keys, text]. -->
        <j:array key="turns">
          <xsl:for-each select="$docs">
            <xsl:variable name="number" select="position() - 1"/>
            <xsl:for-each select="*/tei:text//tei:sp">
              <j:array>
                <j:number><xsl:value-of select="$number"/></j:number>
                <j:string><xsl:value-of select="tt:turn-id(.)"/></j:string>
                <j:string><xsl:value-of select="string-join(tt:who(.) ! tt:person-key(., current()), ' ')"/></j:string>
                <j:string><xsl:value-of select="normalize-space(.)"/></j:string>
              </j:array>
            </xsl:for-each>
          </xsl:for-each>
        </j:array>
      </j:map>
    </xsl:variable>
    <xsl:text>window.teiSearchIndex = </xsl:text>
    <xsl:value-of select="xml-to-json($index)"/>
    <xsl:text>;&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
