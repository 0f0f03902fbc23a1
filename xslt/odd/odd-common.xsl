<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  What the three ODD compilers (RelaxNG, Schematron, documentation) decide alike: where the
  specification is, what a key names, which elements belong to a class, which attributes an
  element has.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:odd="urn:tei-transcripts:odd"
  exclude-result-prefixes="xs tei odd">

  <xsl:key name="spec" match="tei:schemaSpec/*[@ident]" use="@ident"/>

  <!-- Stop with a message: error() puts the text into the exception the caller sees. -->
  <xsl:template name="fail">
    <xsl:param name="message" as="item()*"/>
    <xsl:sequence select="error(QName('urn:tei-transcripts:odd', 'odd:invalid'), normalize-space(string-join($message ! string(.), '')))"/>
  </xsl:template>

  <!-- The one schemaSpec; an ODD with none or several is refused. -->
  <xsl:function name="odd:schema-spec" as="element(tei:schemaSpec)">
    <xsl:param name="odd" as="document-node()"/>
    <xsl:variable name="specs" select="$odd//tei:schemaSpec"/>
    <xsl:if test="count($specs) ne 1">
      <xsl:call-template name="fail"><xsl:with-param name="message">the ODD must hold exactly one schemaSpec; it holds <xsl:value-of select="count($specs)"/></xsl:with-param></xsl:call-template>
    </xsl:if>
    <xsl:sequence select="$specs"/>
  </xsl:function>

  <!-- The specification an ident names, or nothing. -->
  <xsl:function name="odd:spec" as="element()?">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="ident" as="xs:string"/>
    <xsl:sequence select="key('spec', $ident, root($context))[1]"/>
  </xsl:function>

  <!-- The elements and model classes that are members of a model class, in document order. -->
  <xsl:function name="odd:members" as="element()*">
    <xsl:param name="class" as="element(tei:classSpec)"/>
    <xsl:sequence select="root($class)//tei:schemaSpec/(tei:elementSpec | tei:classSpec[@type = 'model'])
      [tei:classes/tei:memberOf/@key = $class/@ident]"/>
  </xsl:function>

  <!-- An element's or class's attributes: its own first, then its attribute classes' in the
       order of memberOf, the first definition of each name winning. -->
  <xsl:function name="odd:attributes" as="element(tei:attDef)*">
    <xsl:param name="spec" as="element()"/>
    <xsl:variable name="deleted" select="$spec/tei:attList/tei:attDef[@mode = 'delete']/@ident"/>
    <xsl:variable name="candidates" as="element(tei:attDef)*">
      <xsl:sequence select="$spec/tei:attList/tei:attDef[not(@mode = 'delete')]"/>
      <xsl:for-each select="$spec/tei:classes/tei:memberOf">
        <xsl:variable name="class" select="odd:spec($spec, @key)"/>
        <xsl:if test="empty($class)">
          <xsl:call-template name="fail"><xsl:with-param name="message">
            <xsl:value-of select="odd:where(.)"/>: memberOf key="<xsl:value-of select="@key"/>" names nothing this ODD defines</xsl:with-param></xsl:call-template>
        </xsl:if>
        <xsl:if test="$class/self::tei:classSpec[@type = 'atts']">
          <xsl:sequence select="odd:attributes($class)"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:for-each-group select="$candidates[not(@ident = $deleted)]" group-by="@ident">
      <xsl:sequence select="current-group()[1]"/>
    </xsl:for-each-group>
  </xsl:function>

  <!-- Gloss and description as one line of text. -->
  <xsl:function name="odd:documentation" as="xs:string">
    <xsl:param name="spec" as="element()"/>
    <xsl:sequence select="normalize-space(string-join((
      $spec/tei:gloss[1] ! concat('(', normalize-space(.), ') '),
      $spec/tei:desc[1] ! normalize-space(.)), ''))"/>
  </xsl:function>

  <!-- Where a node is, for messages: the specification that holds it. -->
  <xsl:function name="odd:where" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="spec" select="$node/ancestor-or-self::*[parent::tei:schemaSpec][1]"/>
    <xsl:sequence select="if ($spec) then concat(local-name($spec), ' ', $spec/@ident) else 'the ODD'"/>
  </xsl:function>
</xsl:stylesheet>
