<?xml version="1.0" encoding="UTF-8"?>
<!-- A record's opening: its heading (which the running heads repeat) and its header block of
     date, place, participants by side, source, archive and translator. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="urn:tei-transcripts"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:TEI | tei:teiCorpus" mode="tt:record-start">
    <xsl:param name="first" as="xs:boolean" select="true()"/>
    <xsl:text>#record(title: </xsl:text>
    <xsl:value-of select="tt:str((tt:title(.)[.], 'Untitled document')[1])"/>
    <xsl:text>, date: </xsl:text>
    <xsl:value-of select="tt:str(tt:date-label(.))"/>
    <xsl:text>, first: </xsl:text>
    <xsl:value-of select="$first"/>
    <xsl:text>)&#10;</xsl:text>
    <xsl:apply-templates select="tei:teiHeader" mode="tt:header-block"/>
  </xsl:template>

  <xsl:template match="tei:teiHeader" mode="tt:header-block">
    <xsl:variable name="tei" select="parent::*"/>
    <xsl:variable name="file" select="tei:fileDesc"/>
    <xsl:variable name="rows" as="xs:string*">
      <xsl:if test="tt:date-label($tei)">
        <xsl:sequence select="tt:row('Date', tt:date-label($tei))"/>
      </xsl:if>
      <xsl:if test="tt:meeting-time($tei)">
        <xsl:sequence select="tt:row('Time', tt:meeting-time($tei))"/>
      </xsl:if>
      <xsl:if test="tt:place($tei)">
        <xsl:sequence select="tt:row('Place', tt:place($tei))"/>
      </xsl:if>
      <xsl:for-each-group select="tt:participants($tei)"
          group-by="generate-id(tt:participant-list(.))">
        <xsl:variable name="list" select="tt:participant-list(.)"/>
        <!-- "Iosif Vissarionovich Stalin (principal)"; a person without a role, the name alone -->
        <xsl:sequence select="tt:row(tt:side-label($list), string-join(current-group() !
            (tt:person-name(.) || (if (@role) then ' (' || string-join(tokenize(normalize-space(@role), ' '), ', ') || ')' else '')), '; '))"/>
      </xsl:for-each-group>
      <xsl:for-each select="tt:correspondence($tei)">
        <xsl:sequence select="tt:row(tt:correspondence-label(.), string-join(tei:persName ! normalize-space(), ', ') || tt:correspondence-where-when(.))"/>
      </xsl:for-each>
      <xsl:for-each select="tt:sources($tei)">
        <xsl:sequence select="tt:row('Source', tt:source-text(.))"/>
      </xsl:for-each>
      <xsl:if test="tt:original-language($tei)">
        <xsl:sequence select="tt:row('Original language', tt:original-language($tei))"/>
      </xsl:if>
      <xsl:for-each select="$file/tei:titleStmt/tei:respStmt[not(@xml:id = 'encoder')]">
        <xsl:sequence select="tt:row(string-join(tei:resp ! normalize-space(), ', '), string-join((tei:name | tei:persName | tei:orgName) ! normalize-space(), ', '))"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="exists($rows)">
      <xsl:text>#header-block(</xsl:text>
      <xsl:value-of select="$rows" separator=", "/>
      <xsl:text>)&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:function name="tt:row" as="xs:string">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="value" as="xs:string"/>
    <xsl:sequence select="'(' || tt:str($label) || ', ' || tt:str($value) || ')'"/>
  </xsl:function>

</xsl:stylesheet>
